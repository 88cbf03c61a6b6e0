package io.shadowfeed.privacy.dp.mechanism;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Exact samples of the discrete Gaussian N_Z(0, sigma^2): P(x) proportional to exp(-x^2 / (2 sigma^2)) on the
 * integers, for rational sigma^2 (Canonne, Kamath and Steinke 2020, Algorithm 3). A candidate Y comes from the
 * discrete Laplace of scale t = floor(sigma) + 1 and is kept with probability exp(-(|Y| - sigma^2/t)^2 / (2
 * sigma^2)). With sigma^2 = n/d that exponent is the fraction (|Y| t d - n)^2 / (2 n d t^2), so every decision is
 * an exact integer comparison: no floating point anywhere, hence none of the low-bit leaks of floating-point
 * samplers (Mironov 2012).
 *
 * <p>The hot path is long arithmetic and allocates nothing. Whether the numerator and denominator of that
 * exponent fit in 63 bits is decided once, here, for all |Y| at once (an interval of |Y| around sigma^2 / t);
 * outside it, or when 2 n d t^2 itself does not fit (sigma^2 above about 3 * 10^9 as an integer, or with a large
 * denominator), the trial runs in BigInteger. For sigma up to several thousand with small denominators that
 * never happens. Not thread-safe.
 */
public final class DiscreteGaussianSampler {
    /** The largest |a| whose square fits in a long. */
    private static final long SQUARE_ROOT_OF_MAX = 3_037_000_499L;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final Rational sigmaSquared;
    private final ExactBernoulli bernoulli;
    private final long t;
    private final long n;
    /** t * d, when it fits; the candidate's |Y| times it, minus n, is the root of the exponent's numerator. */
    private final long td;
    /** 2 n d t^2 when it fits, else 0 (then every trial runs in BigInteger). */
    private final long denominator;
    private final BigInteger bigTd;
    private final BigInteger bigDenominator;
    /** |Y| in [smallestLongY, largestLongY] keeps (|Y| td - n)^2 within a long. */
    private final long smallestLongY;
    private final long largestLongY;

    public DiscreteGaussianSampler(Rational sigmaSquared, RandomSource random) {
        this.sigmaSquared = Objects.requireNonNull(sigmaSquared, "sigmaSquared must not be null.");
        this.bernoulli = new ExactBernoulli(Objects.requireNonNull(random, "random must not be null."));
        this.n = sigmaSquared.numerator();
        long d = sigmaSquared.denominator();
        BigInteger bigN = BigInteger.valueOf(n);
        BigInteger bigD = BigInteger.valueOf(d);
        // sigma^2 <= 2^63 as a long fraction, so t <= 3.04e9, well within the discrete Laplace sampler's 2^42
        this.t = floorSqrt(bigN, bigD) + 1;
        BigInteger bigT = BigInteger.valueOf(t);
        this.bigTd = bigT.multiply(bigD);
        this.bigDenominator = BigInteger.TWO.multiply(bigN).multiply(bigD).multiply(bigT).multiply(bigT);
        boolean fits = bigTd.compareTo(LONG_MAX) <= 0 && bigDenominator.compareTo(LONG_MAX) <= 0;
        this.td = fits ? bigTd.longValueExact() : 0;
        this.denominator = fits ? bigDenominator.longValueExact() : 0;
        if (fits) {
            // |Y| td - n in [-sqrt(max), sqrt(max)]  <=>  |Y| in [ceil((n - r) / td), floor((n + r) / td)]
            BigInteger root = BigInteger.valueOf(SQUARE_ROOT_OF_MAX);
            BigInteger low = ceilDivide(bigN.subtract(root), bigTd).max(BigInteger.ZERO);
            BigInteger high = bigN.add(root).divide(bigTd);
            this.smallestLongY = low.min(LONG_MAX).longValue();
            this.largestLongY = high.min(LONG_MAX).longValue();
        } else {
            this.smallestLongY = 1;
            this.largestLongY = 0;
        }
    }

    public Rational sigmaSquared() {
        return sigmaSquared;
    }

    public long sample() {
        while (true) {
            long y = DiscreteLaplaceSampler.sample(bernoulli, t, 1);
            long magnitude = Math.abs(y);
            boolean keep;
            if (magnitude >= smallestLongY && magnitude <= largestLongY) {
                long root = magnitude * td - n;
                keep = bernoulli.exp(root * root, denominator);
            } else {
                BigInteger root = BigInteger.valueOf(magnitude).multiply(bigTd).subtract(BigInteger.valueOf(n));
                keep = bernoulli.exp(root.multiply(root), bigDenominator);
            }
            if (keep) {
                return y;
            }
        }
    }

    /** floor(sqrt(n / d)): the largest m with m^2 d <= n. */
    private static long floorSqrt(BigInteger n, BigInteger d) {
        // floor(sqrt(x)) = floor(sqrt(floor(x))) for x >= 0
        return n.divide(d).sqrt().longValueExact();
    }

    private static BigInteger ceilDivide(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }
}
