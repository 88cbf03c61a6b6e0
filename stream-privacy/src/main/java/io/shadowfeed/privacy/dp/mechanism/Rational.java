package io.shadowfeed.privacy.dp.mechanism;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A positive fraction in lowest terms, for the exact samplers' parameters (a discrete Gaussian's sigma^2, a
 * discrete Laplace's scale). Parameters given as decimals become fractions by {@link #ceil}: exactly when the
 * decimal has at most six places (3.7^2 = 1369/100), otherwise rounded up to 20 significant bits (a power-of-two
 * denominator, and an integer from 2^20 up), so that the noise is never less than asked for, by a relative 2^-20
 * at most, and the samplers' integer arithmetic stays small enough for 64 bits.
 *
 * @param numerator   positive
 * @param denominator positive
 */
public record Rational(long numerator, long denominator) {
    /** Decimals with up to this many places are kept exactly. */
    private static final int EXACT_DECIMAL_PLACES = 6;
    /** Inexact values keep this many significant bits. */
    private static final int SIGNIFICANT_BITS = 20;
    private static final BigInteger LARGEST = BigInteger.valueOf(Long.MAX_VALUE);

    public Rational {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("a rational parameter must have a positive numerator and denominator. "
                    + "Provided value: " + numerator + "/" + denominator);
        }
        long gcd = BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator)).longValueExact();
        numerator /= gcd;
        denominator /= gcd;
    }

    public static Rational of(long numerator, long denominator) {
        return new Rational(numerator, denominator);
    }

    /** The integer {@code value}. */
    public static Rational of(long value) {
        return new Rational(value, 1);
    }

    /**
     * The decimal {@code value}, in its shortest form ({@link BigDecimal#valueOf(double)}): see
     * {@link #ceil(BigDecimal)}.
     */
    public static Rational ceil(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("value must be positive and finite. Provided value: " + value);
        }
        return ceil(BigDecimal.valueOf(value));
    }

    /**
     * Exactly when it has at most six decimal places, else the next value above it with 20 significant bits: a
     * multiple of 2^(e - 20) for 2^e <= value < 2^(e + 1), or an integer when e >= 20.
     */
    public static Rational ceil(BigDecimal value) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("value must be positive. Provided value: " + value);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= EXACT_DECIMAL_PLACES) {
            int places = Math.max(stripped.scale(), 0);
            BigInteger numerator = stripped.movePointRight(places).toBigIntegerExact();
            return fromBig(numerator, BigInteger.TEN.pow(places), value);
        }
        return roundedUp(value, BigDecimal.ONE, value.doubleValue(), value);
    }

    /** {@code dividend / divisor}, exactly when that is a decimal of at most six places, else rounded up. */
    public static Rational ceilOfQuotient(BigDecimal dividend, BigDecimal divisor) {
        BigDecimal quotient;
        try {
            quotient = dividend.divide(divisor);
        } catch (ArithmeticException nonTerminating) {
            return roundedUp(dividend, divisor, dividend.doubleValue() / divisor.doubleValue(),
                    dividend + "/" + divisor);
        }
        return ceil(quotient);
    }

    /** ceil(dividend / divisor * 2^k) / 2^k with k chosen from the approximate value's binary exponent. */
    private static Rational roundedUp(BigDecimal dividend, BigDecimal divisor, double approximate, Object value) {
        if (!(approximate > 0) || Double.isInfinite(approximate)) {
            throw new IllegalArgumentException("value must be between 2^-40 and 2^63 to be sampled exactly. "
                    + "Provided value: " + value);
        }
        int k = Math.max(0, SIGNIFICANT_BITS - Math.getExponent(approximate));
        if (k > 60) {
            throw new IllegalArgumentException("value must be between 2^-40 and 2^63 to be sampled exactly. "
                    + "Provided value: " + value);
        }
        BigInteger denominator = BigInteger.ONE.shiftLeft(k);
        BigInteger units = dividend.multiply(new BigDecimal(denominator)).divide(divisor, 0, RoundingMode.CEILING)
                .toBigIntegerExact();
        return fromBig(units, denominator, value);
    }

    private static Rational fromBig(BigInteger numerator, BigInteger denominator, Object value) {
        BigInteger gcd = numerator.gcd(denominator);
        BigInteger n = numerator.divide(gcd);
        BigInteger d = denominator.divide(gcd);
        if (n.compareTo(LARGEST) > 0 || d.compareTo(LARGEST) > 0 || n.signum() <= 0) {
            throw new IllegalArgumentException("value must be between 2^-40 and 2^63 to be sampled exactly. "
                    + "Provided value: " + value);
        }
        return new Rational(n.longValueExact(), d.longValueExact());
    }

    /**
     * The smallest double at or above {@code dividend / divisor}: a privacy cost computed from an exact parameter,
     * rounded so that it is never charged below its true value, and exact when it is representable (a budget of
     * 0.5 is spent by a cost of exactly 0.5).
     */
    public static double ceilToDouble(BigDecimal dividend, BigDecimal divisor) {
        BigDecimal exact = dividend.divide(divisor, new MathContext(40, RoundingMode.CEILING));
        double nearest = exact.doubleValue();
        return new BigDecimal(nearest).compareTo(exact) >= 0 ? nearest : Math.nextUp(nearest);
    }

    public double doubleValue() {
        return (double) numerator / denominator;
    }

    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }
}
