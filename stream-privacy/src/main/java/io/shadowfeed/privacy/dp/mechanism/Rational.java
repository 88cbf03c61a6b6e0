package io.shadowfeed.privacy.dp.mechanism;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A positive fraction in lowest terms, for the exact samplers' parameters (a discrete Gaussian's sigma^2, a
 * discrete Laplace's scale). Parameters given as decimals become fractions by {@link #ceil}: exactly when the
 * decimal has at most six places (3.7^2 = 1369/100), otherwise rounded up to a multiple of 2^-20, so that the noise
 * is never less than asked for and the samplers' integer arithmetic stays within 64 bits.
 *
 * @param numerator   positive
 * @param denominator positive
 */
public record Rational(long numerator, long denominator) {
    /** Decimals with up to this many places are kept exactly. */
    private static final int EXACT_DECIMAL_PLACES = 6;
    private static final BigDecimal ROUNDING_UNIT = BigDecimal.valueOf(1L << 20);
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

    /** Exactly when it has at most six decimal places, else the next multiple of 2^-20 above it. */
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
        BigInteger units = value.multiply(ROUNDING_UNIT).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return fromBig(units, ROUNDING_UNIT.toBigIntegerExact(), value);
    }

    /** {@code dividend / divisor}, exactly when that is a decimal of at most six places, else rounded up. */
    public static Rational ceilOfQuotient(BigDecimal dividend, BigDecimal divisor) {
        BigDecimal quotient;
        try {
            quotient = dividend.divide(divisor);
        } catch (ArithmeticException nonTerminating) {
            BigInteger units = dividend.multiply(ROUNDING_UNIT).divide(divisor, 0, RoundingMode.CEILING)
                    .toBigIntegerExact();
            return fromBig(units, ROUNDING_UNIT.toBigIntegerExact(), dividend + "/" + divisor);
        }
        return ceil(quotient);
    }

    private static Rational fromBig(BigInteger numerator, BigInteger denominator, Object value) {
        BigInteger gcd = numerator.gcd(denominator);
        BigInteger n = numerator.divide(gcd);
        BigInteger d = denominator.divide(gcd);
        if (n.compareTo(LARGEST) > 0 || d.compareTo(LARGEST) > 0 || n.signum() <= 0) {
            throw new IllegalArgumentException("value must be between 2^-20 and 2^63 to be sampled exactly. "
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
