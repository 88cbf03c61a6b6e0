package io.shadowfeed.privacy.dp.mechanism;

import java.math.BigInteger;

/**
 * Bernoulli trials decided by comparing uniform integers, never floating point: Bernoulli(p) for rational p, and
 * Bernoulli(exp(-gamma)) for rational gamma >= 0 by Canonne, Kamath and Steinke 2020, Algorithm 1 (for gamma in
 * [0, 1]: count K while Bernoulli(gamma / K) succeeds, and answer whether K stopped odd; for gamma > 1: floor(gamma)
 * trials of exp(-1) and one of the fractional part, stopping at the first failure).
 *
 * <p>Arithmetic is on longs; a trial whose denominator gamma's denominator times K would overflow continues in
 * BigInteger, as do the entry points taking BigIntegers. Allocation happens only there.
 */
final class ExactBernoulli {
    private final RandomSource random;

    ExactBernoulli(RandomSource random) {
        this.random = random;
    }

    RandomSource random() {
        return random;
    }

    /** true with probability exp(-numerator / denominator); numerator >= 0, denominator > 0. */
    boolean exp(long numerator, long denominator) {
        long whole = numerator / denominator;
        for (long i = 0; i < whole; i++) {
            if (!expFraction(1, 1)) {
                return false;
            }
        }
        return expFraction(numerator - whole * denominator, denominator);
    }

    /** true with probability exp(-numerator / denominator) for 0 <= numerator <= denominator. */
    boolean expFraction(long numerator, long denominator) {
        if (numerator == 0) {
            return true;
        }
        // Bernoulli(gamma / 1) surely succeeds when gamma = 1: start at K = 2 without a draw
        long k = numerator == denominator ? 2 : 1;
        while (true) {
            if (denominator > Long.MAX_VALUE / k) {
                return expFractionBig(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator), k);
            }
            if (random.nextLong(denominator * k) >= numerator) {
                return (k & 1) == 1;
            }
            k++;
        }
    }

    /** true with probability exp(-numerator / denominator) for BigInteger arguments (numerator >= 0). */
    boolean exp(BigInteger numerator, BigInteger denominator) {
        BigInteger[] split = numerator.divideAndRemainder(denominator);
        for (BigInteger i = BigInteger.ZERO; i.compareTo(split[0]) < 0; i = i.add(BigInteger.ONE)) {
            if (!expFraction(1, 1)) {
                return false;
            }
        }
        if (split[1].bitLength() < Long.SIZE - 1 && denominator.bitLength() < Long.SIZE - 1) {
            return expFraction(split[1].longValue(), denominator.longValue());
        }
        return expFractionBig(split[1], denominator, 1);
    }

    private boolean expFractionBig(BigInteger numerator, BigInteger denominator, long firstK) {
        if (numerator.signum() == 0) {
            return true;
        }
        long k = firstK;
        while (true) {
            BigInteger bound = denominator.multiply(BigInteger.valueOf(k));
            if (uniform(bound).compareTo(numerator) >= 0) {
                return (k & 1) == 1;
            }
            k++;
        }
    }

    /** Uniform in [0, bound) for bound > 0, by rejection on bound's bit length (fewer than 2 draws expected). */
    BigInteger uniform(BigInteger bound) {
        if (bound.bitLength() < Long.SIZE - 1) {
            return BigInteger.valueOf(random.nextLong(bound.longValue()));
        }
        int bits = bound.bitLength();
        byte[] bytes = new byte[(bits + 7) / 8];
        while (true) {
            for (int i = 0; i < bytes.length; i += Long.BYTES) {
                long word = random.nextLong();
                for (int j = i; j < Math.min(i + Long.BYTES, bytes.length); j++) {
                    bytes[j] = (byte) word;
                    word >>>= 8;
                }
            }
            int excess = bytes.length * 8 - bits;
            bytes[0] &= (byte) (0xFF >>> excess);
            BigInteger candidate = new BigInteger(1, bytes);
            if (candidate.compareTo(bound) < 0) {
                return candidate;
            }
        }
    }
}
