package io.shadowfeed.privacy.dp.mechanism;

import io.shadowfeed.privacy.dp.testutils.SeededRandom;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The uniform draws every sampler is built on, and the exact Bernoulli trials: 10^6 draws per case with a fixed
 * seed; chi-squared, Kolmogorov-Smirnov or an exact binomial test, each rejecting at p < 1e-4 (its false-alarm
 * rate for a correct generator).
 */
@Tag("statistical")
class RandomSourceStatisticalTest {
    private static final double ALPHA = 1e-4;
    private static final int N = 1_000_000;

    /**
     * Bounds on each path of nextLong(bound): small and just under 2^32 (Lemire, with its rejection zone large for
     * the latter), a power of two above 2^32 (mask), and a large odd bound (63-bit rejection, rejecting about 40%).
     */
    @ParameterizedTest(name = "uniform below {0}")
    @ValueSource(longs = {7, 1000, 4_294_967_291L, 1L << 40, (1L << 62) + (1L << 61) + 12345})
    void nextLongIsUniformBelowItsBound(long bound) {
        RandomSource random = SeededRandom.of(bound);
        int bins = (int) Math.min(bound, 1000);
        long[] observed = new long[bins];
        for (int i = 0; i < N; i++) {
            long value = random.nextLong(bound);
            assertThat(value).isBetween(0L, bound - 1);
            // bin b holds [ceil(b * bound / bins), ceil((b + 1) * bound / bins)): widths differ by at most 1
            observed[(int) BigInteger.valueOf(value).multiply(BigInteger.valueOf(bins))
                    .divide(BigInteger.valueOf(bound)).longValueExact()]++;
        }
        double[] expected = new double[bins];
        for (int b = 0; b < bins; b++) {
            expected[b] = N * (double) (firstOfBin(b + 1, bins, bound) - firstOfBin(b, bins, bound)) / bound;
        }
        assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isGreaterThan(ALPHA);
    }

    private static long firstOfBin(int bin, int bins, long bound) {
        BigInteger[] qr = BigInteger.valueOf(bin).multiply(BigInteger.valueOf(bound))
                .divideAndRemainder(BigInteger.valueOf(bins));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    @Test
    void nextDoubleIsUniformAndBitsAreFair() {
        RandomSource random = SeededRandom.of(42);
        double[] doubles = new double[N];
        for (int i = 0; i < N; i++) {
            doubles[i] = random.nextDouble();
        }
        assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(null, 0, 1),
                doubles)).isGreaterThan(ALPHA);
        int ones = 0;
        for (int i = 0; i < N; i++) {
            ones += random.nextBoolean() ? 1 : 0;
        }
        assertThat(new BinomialTest().binomialTest(N, ones, 0.5, AlternativeHypothesis.TWO_SIDED))
                .isGreaterThan(ALPHA);
    }

    @Test
    void seededSourcesRepeatAndDifferBySeed() {
        RandomSource first = SeededRandom.of(7);
        RandomSource again = SeededRandom.of(7);
        RandomSource other = SeededRandom.of(8);
        boolean differs = false;
        // past one 8 KiB block, mixing word sizes
        for (int i = 0; i < 5000; i++) {
            long a = first.nextLong();
            assertThat(again.nextLong()).isEqualTo(a);
            assertThat(again.nextInt()).isEqualTo(first.nextInt());
            differs |= other.nextLong() != a;
        }
        assertThat(differs).isTrue();
        assertThatThrownBy(() -> first.nextLong(0)).hasMessage("bound must be positive. Provided value: 0");
    }

    /** P(exp(-gamma)) for gamma in [0, 1], above 1, and through the BigInteger entry (the same gammas scaled). */
    @ParameterizedTest(name = "exp(-{0}/{1})")
    @org.junit.jupiter.params.provider.CsvSource({"0, 1", "3, 10", "1, 1", "5, 2", "7, 3", "9, 1", "1, 1000000007"})
    void bernoulliExpHasItsProbability(long numerator, long denominator) {
        double p = Math.exp(-(double) numerator / denominator);
        ExactBernoulli bernoulli = new ExactBernoulli(SeededRandom.of(numerator * 1000 + denominator));
        int n = 400_000;
        int longHits = 0;
        int bigHits = 0;
        BigInteger scale = BigInteger.ONE.shiftLeft(80);
        BigInteger bigNumerator = BigInteger.valueOf(numerator).multiply(scale);
        BigInteger bigDenominator = BigInteger.valueOf(denominator).multiply(scale);
        for (int i = 0; i < n; i++) {
            longHits += bernoulli.exp(numerator, denominator) ? 1 : 0;
            bigHits += bernoulli.exp(bigNumerator, bigDenominator) ? 1 : 0;
        }
        if (numerator == 0) {
            assertThat(longHits).isEqualTo(n);
            assertThat(bigHits).isEqualTo(n);
            return;
        }
        BinomialTest test = new BinomialTest();
        assertThat(test.binomialTest(n, longHits, p, AlternativeHypothesis.TWO_SIDED)).isGreaterThan(ALPHA);
        assertThat(test.binomialTest(n, bigHits, p, AlternativeHypothesis.TWO_SIDED)).isGreaterThan(ALPHA);
    }
}
