package io.shadowfeed.privacy.dp.mechanism;

import io.shadowfeed.privacy.dp.testutils.GoodnessOfFit;
import io.shadowfeed.privacy.dp.testutils.SeededRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.LongToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact samplers against their exact distributions: 10^6 samples (2 * 10^5 on the all-BigInteger path), a
 * fixed seed per case, Pearson's chi-squared over bins expecting at least max(5, n / 2000) samples with the tails
 * pooled. Each case rejects at p < 1e-4, its false-alarm rate for a correct sampler (the seeds make the outcome
 * repeatable; 15 cases here, so a family-wise rate of at most 1.5e-3).
 */
@Tag("statistical")
class DiscreteSamplersStatisticalTest {
    private static final double ALPHA = 1e-4;

    /** P(x) = (1 - q) / (1 + q) q^|x| with q = exp(-1 / scale). */
    private static LongToDoubleFunction discreteLaplace(double scale) {
        double q = Math.exp(-1 / scale);
        return x -> (1 - q) / (1 + q) * Math.pow(q, Math.abs(x));
    }

    /** P(x) = exp(-x^2 / (2 sigma^2)) / Z, Z summed over +-(40 sigma + 10). */
    private static LongToDoubleFunction discreteGaussian(double sigmaSquared) {
        long reach = (long) (40 * Math.sqrt(sigmaSquared)) + 10;
        double z = 0;
        for (long y = -reach; y <= reach; y++) {
            z += Math.exp(-(double) y * y / (2 * sigmaSquared));
        }
        double normalizer = z;
        return x -> Math.exp(-(double) x * x / (2 * sigmaSquared)) / normalizer;
    }

    @ParameterizedTest(name = "discrete Laplace, scale {0}/{1}")
    @CsvSource({"1, 1", "10, 1", "7, 3", "1, 2", "1000, 1", "3495254, 1048576"})
    void discreteLaplaceHasItsExactDistribution(long t, long s) {
        Rational scale = Rational.of(t, s);
        DiscreteLaplaceSampler sampler = new DiscreteLaplaceSampler(scale, SeededRandom.of(t * 31 + s));
        long[] samples = new long[1_000_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = sampler.sample();
        }
        int reach = (int) Math.ceil(40 * scale.doubleValue()) + 10;
        double p = GoodnessOfFit.chiSquaredPValue(samples, discreteLaplace(scale.doubleValue()), 0, reach);
        assertThat(p).as("chi-squared p-value").isGreaterThan(ALPHA);
    }

    @ParameterizedTest(name = "discrete Gaussian, sigma^2 = {0}/{1}, {2} samples")
    @CsvSource({
            "1, 1, 1000000",
            "1, 4, 1000000",
            "5, 2, 1000000",
            "1369, 100, 1000000",
            "100, 1, 1000000",
            "10000, 1, 1000000",
            // sigma = 30000: 2 n d t^2 fits in a long, but |Y| beyond about 4.4 sigma (1.3% of the candidates)
            // takes the BigInteger branch, and so does K >= 6 in a trial: the mixed path
            "900000000, 1, 1000000",
            // 2 n d t^2 = 2.4e24: every trial in BigInteger
            "1000000000001, 10000000000, 200000",
    })
    void discreteGaussianHasItsExactDistribution(long numerator, long denominator, int n) {
        Rational sigmaSquared = Rational.of(numerator, denominator);
        DiscreteGaussianSampler sampler = new DiscreteGaussianSampler(sigmaSquared,
                SeededRandom.of(numerator * 17 + denominator));
        long[] samples = new long[n];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = sampler.sample();
        }
        double variance = sigmaSquared.doubleValue();
        int reach = (int) Math.ceil(9 * Math.sqrt(variance)) + 10;
        double p = GoodnessOfFit.chiSquaredPValue(samples, discreteGaussian(variance), 0, reach);
        assertThat(p).as("chi-squared p-value").isGreaterThan(ALPHA);
    }
}
