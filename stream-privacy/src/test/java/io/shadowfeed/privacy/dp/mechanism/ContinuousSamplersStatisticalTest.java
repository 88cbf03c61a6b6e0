package io.shadowfeed.privacy.dp.mechanism;

import io.shadowfeed.privacy.dp.testutils.SeededRandom;
import org.apache.commons.math3.distribution.LaplaceDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The floating-point samplers against their exact CDFs: 10^6 samples, fixed seed, one-sample Kolmogorov-Smirnov,
 * rejecting at p < 1e-4 (the false-alarm rate per case).
 */
@Tag("statistical")
class ContinuousSamplersStatisticalTest {
    private static final double ALPHA = 1e-4;
    private static final int N = 1_000_000;

    @ParameterizedTest(name = "Laplace, scale {0}")
    @ValueSource(doubles = {1, 3.5, 0.01})
    void laplaceHasItsDistribution(double scale) {
        LaplaceSampler sampler = new LaplaceSampler(scale, SeededRandom.of(Double.doubleToLongBits(scale)));
        double[] samples = new double[N];
        for (int i = 0; i < N; i++) {
            samples[i] = sampler.sample();
        }
        assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new LaplaceDistribution(null, 0, scale),
                samples)).isGreaterThan(ALPHA);
    }

    @ParameterizedTest(name = "Gaussian, sigma {0}")
    @ValueSource(doubles = {1, 7, 250})
    void gaussianHasItsDistribution(double sigma) {
        GaussianSampler sampler = new GaussianSampler(sigma, SeededRandom.of(Double.doubleToLongBits(sigma)));
        double[] samples = new double[N];
        for (int i = 0; i < N; i++) {
            samples[i] = sampler.sample();
        }
        assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(null, 0, sigma),
                samples)).isGreaterThan(ALPHA);
    }
}
