package io.shadowfeed.privacy.dp.mechanism;

import io.shadowfeed.privacy.dp.accounting.RdpAccountant;
import io.shadowfeed.privacy.dp.accounting.RdpCurve;
import io.shadowfeed.privacy.dp.accounting.ZcdpAccountant;
import io.shadowfeed.privacy.dp.testutils.SeededRandom;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NoiseMechanismsTest {

    @Test
    void laplaceIsCalibratedAndCharged() {
        LaplaceNoise noise = LaplaceNoise.builder().epsilon(0.5).l1Sensitivity(10).random(SeededRandom.of(1)).build();
        assertThat(noise.scale()).isEqualTo(20);
        assertThat(noise.rho()).isEqualTo(0.125);
        assertThat(noise.rdp()).isEqualTo(RdpCurve.laplace(0.5, RdpAccountant.DEFAULT_ORDERS));
        assertThat(noise.mechanism()).isEqualTo("laplace");
        assertThat(noise.parameters()).containsEntry("epsilon", "0.5").containsEntry("scale", "20.0");
        double[] values = {1, 2, 3};
        double[] noisy = noise.addNoise(values);
        assertThat(values).containsExactly(1, 2, 3);
        assertThat(noisy).hasSize(3).doesNotContain(1.0, 2.0, 3.0);
    }

    @Test
    void gaussianCalibratesToEpsilonDeltaAsGooglesLibrary() {
        // google/differential-privacy java/tests/.../GaussianNoiseTest: L0 = 1, Linf = 1 (so L2 = 1), the variance
        // of its analytic calibration is 11.735977 at (ln 3, 1e-5), 3.3634987 at (2 ln 3, 1e-5) and 3.0625 at
        // (ln 3, 0.01). Its bisection stops at 1e-3 relative on sigma from above (GAUSSIAN_SIGMA_ACCURACY), so the
        // exact sigma is at most its sigma and within 0.1% of it.
        double[][] cases = {{Math.log(3), 1e-5, 11.735977}, {2 * Math.log(3), 1e-5, 3.3634987},
                {Math.log(3), 0.01, 3.0625}};
        for (double[] c : cases) {
            GaussianNoise noise = GaussianNoise.builder().l2Sensitivity(1).epsilon(c[0]).delta(c[1])
                    .random(SeededRandom.of(2)).build();
            double googles = Math.sqrt(c[2]);
            assertThat(noise.sigma()).isLessThanOrEqualTo(googles).isGreaterThan(googles / (1 + 1e-3));
            // on the boundary of Balle and Wang's exact condition
            assertThat(AnalyticGaussian.delta(noise.noiseMultiplier(), c[0])).isCloseTo(c[1], within(c[1] * 1e-9));
        }
        GaussianNoise scaled = GaussianNoise.builder().l2Sensitivity(0.5).epsilon(Math.log(3)).delta(1e-5)
                .random(SeededRandom.of(2)).build();
        // the sensitivity scales sigma (Google's Linf = 0.5 case: variance 2.9339943)
        assertThat(scaled.sigma() * scaled.sigma()).isCloseTo(11.7283125 / 4, within(1e-5));
    }

    @Test
    void gaussianChargesItsNoiseMultiplier() {
        GaussianNoise byRho = GaussianNoise.builder().l2Sensitivity(3).rho(0.02).build();
        assertThat(byRho.noiseMultiplier()).isCloseTo(5, within(1e-12));
        assertThat(byRho.sigma()).isCloseTo(15, within(1e-12));
        assertThat(byRho.rho()).isCloseTo(0.02, within(1e-15));
        GaussianNoise byMultiplier = GaussianNoise.builder().l2Sensitivity(3).noiseMultiplier(2).build();
        assertThat(byMultiplier.rdp(List.of(2.0, 4.0)).values()).containsExactly(0.25, 0.5);
        assertThat(byMultiplier.parameters()).containsEntry("sigma", "6.0").containsEntry("noise_multiplier", "2.0");
        // an (epsilon, delta)-calibrated release converts back, alone, to a larger epsilon through RDP: the
        // accountants are conservative for a single Gaussian and tighter under composition
        GaussianNoise calibrated = GaussianNoise.builder().l2Sensitivity(1).epsilon(1).delta(1e-6).build();
        double viaZcdp = new ZcdpAccountant().composeRho(calibrated.rho(), 1).epsilon(1e-6).epsilon();
        assertThat(viaZcdp).isGreaterThan(1).isLessThan(1.3);
    }

    @Test
    void discreteLaplaceUsesAnExactScaleAndReportsItsEpsilon() {
        DiscreteLaplaceNoise exact = DiscreteLaplaceNoise.builder().l1Sensitivity(2).epsilon(0.5).build();
        assertThat(exact.scale()).isEqualTo(Rational.of(4));
        assertThat(exact.epsilon()).isEqualTo(0.5);
        assertThat(exact.rho()).isEqualTo(0.125);
        // 1 / 0.3 does not terminate: the scale is rounded up to 20 significant bits, so epsilon drops a little
        DiscreteLaplaceNoise rounded = DiscreteLaplaceNoise.builder().l1Sensitivity(1).epsilon(0.3).build();
        assertThat(rounded.scale()).isEqualTo(Rational.of(3_495_254, 1 << 20));
        assertThat(rounded.epsilon()).isLessThanOrEqualTo(0.3).isGreaterThan(0.3 - 1e-6);
        assertThat(rounded.rdp(List.of(2.0, 100.0)).values().get(1)).isEqualTo(rounded.epsilon());
        assertThat(rounded.parameters()).containsEntry("scale", "1747627/524288");
    }

    @Test
    void discreteGaussianKeepsDecimalSigmasExactAndChargesRho() {
        DiscreteGaussianNoise decimal = DiscreteGaussianNoise.builder().l2Sensitivity(1).sigma(3.7).build();
        assertThat(decimal.sigmaSquared()).isEqualTo(Rational.of(1369, 100));
        assertThat(decimal.rho()).isCloseTo(50.0 / 1369, within(1e-17)).isGreaterThanOrEqualTo(50.0 / 1369);
        DiscreteGaussianNoise byRho = DiscreteGaussianNoise.builder().l2Sensitivity(1).rho(0.5).build();
        assertThat(byRho.sigmaSquared()).isEqualTo(Rational.of(1));
        assertThat(byRho.rho()).isEqualTo(0.5);
        DiscreteGaussianNoise histogram = DiscreteGaussianNoise.builder().l2Sensitivity(Math.sqrt(2)).sigma(10)
                .build();
        assertThat(histogram.rho()).isCloseTo(0.01, within(1e-15)).isGreaterThanOrEqualTo(0.01);
        assertThat(histogram.rdp()).isEqualTo(RdpCurve.zcdp(histogram.rho(), RdpAccountant.DEFAULT_ORDERS));
        assertThat(histogram.noiseMultiplier()).isCloseTo(10 / Math.sqrt(2), within(1e-12));
        assertThat(histogram.mechanism()).isEqualTo("discrete_gaussian");
        assertThat(histogram.parameters()).containsEntry("sigma_squared", "100");
    }

    @Test
    void vectorsGetIndependentNoiseAndOverflowFails() {
        DiscreteGaussianNoise noise = DiscreteGaussianNoise.builder().l2Sensitivity(1).sigma(5)
                .random(SeededRandom.of(3)).build();
        long[] counts = new long[10_000];
        long[] noisy = noise.addNoise(counts);
        assertThat(counts).containsOnly(0L);
        double sum = 0;
        double squares = 0;
        for (long value : noisy) {
            sum += value;
            squares += (double) value * value;
        }
        double mean = sum / noisy.length;
        // variance of N_Z(0, 25) is just below 25; the sample variance of 10^4 draws is within 5 standard errors
        // (25 sqrt(2 / 10^4) = 0.35 each), a false-alarm rate below 1e-6
        assertThat(squares / noisy.length - mean * mean).isCloseTo(25, within(1.8));
        assertThat(mean).isCloseTo(0, within(0.25));
        // positive noise on Long.MAX_VALUE must fail, not wrap to a negative count (P(no positive draw in 64) < 1e-16)
        int overflows = 0;
        for (int i = 0; i < 64; i++) {
            try {
                assertThat(noise.addNoise(Long.MAX_VALUE)).isPositive();
            } catch (ArithmeticException expected) {
                overflows++;
            }
        }
        assertThat(overflows).isPositive();
        DiscreteLaplaceNoise laplace = DiscreteLaplaceNoise.builder().l1Sensitivity(1).epsilon(1)
                .random(SeededRandom.of(4)).build();
        assertThat(laplace.addNoise(new long[] {5, 5, 5})).hasSize(3);
    }

    @Test
    void parametersAreValidatedWithActionableMessages() {
        assertThatThrownBy(() -> LaplaceNoise.builder().epsilon(0))
                .hasMessage("epsilon must be positive and finite. Provided value: 0.0");
        assertThatThrownBy(() -> LaplaceNoise.builder().epsilon(Double.POSITIVE_INFINITY))
                .hasMessage("epsilon must be positive and finite. Provided value: Infinity");
        assertThatThrownBy(() -> LaplaceNoise.builder().l1Sensitivity(-1))
                .hasMessage("l1Sensitivity must be positive and finite. Provided value: -1.0");
        assertThatThrownBy(() -> LaplaceNoise.builder().epsilon(1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("l1Sensitivity is not set");
        assertThatThrownBy(() -> GaussianNoise.builder().delta(1))
                .hasMessage("delta must be in (0, 1). Provided value: 1.0");
        assertThatThrownBy(() -> GaussianNoise.builder().delta(Double.NaN))
                .hasMessage("delta must be in (0, 1). Provided value: NaN");
        assertThatThrownBy(() -> GaussianNoise.builder().l2Sensitivity(1).epsilon(1).build())
                .hasMessageContaining("epsilon and delta go together");
        assertThatThrownBy(() -> GaussianNoise.builder().l2Sensitivity(1).rho(0.1).noiseMultiplier(2).build())
                .hasMessageContaining("exactly one of").hasMessageContaining("2 are set");
        assertThatThrownBy(() -> GaussianNoise.builder().noiseMultiplier(1).build())
                .hasMessageContaining("l2Sensitivity is not set");
        assertThatThrownBy(() -> DiscreteLaplaceNoise.builder().l1Sensitivity(0))
                .hasMessage("l1Sensitivity must be positive. Provided value: 0");
        assertThatThrownBy(() -> DiscreteLaplaceNoise.builder().l1Sensitivity(1).build())
                .hasMessage("set exactly one of epsilon(...) or scale(...)");
        assertThatThrownBy(() -> DiscreteGaussianNoise.builder().rho(-0.1))
                .hasMessage("rho must be positive and finite. Provided value: -0.1");
        assertThatThrownBy(() -> DiscreteGaussianNoise.builder().l2Sensitivity(1).build())
                .hasMessageContaining("set exactly one of sigma(...), sigmaSquared(...) or rho(...); 0 are set");
        assertThatThrownBy(() -> DiscreteGaussianNoise.builder().sigma(Double.NaN))
                .hasMessage("sigma must be positive and finite. Provided value: NaN");
        assertThatThrownBy(() -> DiscreteGaussianNoise.builder().random(null))
                .isInstanceOf(NullPointerException.class).hasMessage("random must not be null.");
    }

    @Test
    void rationalsAreReducedAndRoundedUp() {
        assertThat(Rational.of(6, 4)).isEqualTo(Rational.of(3, 2));
        assertThat(Rational.ceil(2.5)).isEqualTo(Rational.of(5, 2));
        assertThat(Rational.ceil(1e12)).isEqualTo(Rational.of(1_000_000_000_000L));
        // seven places: rounded up to 20 significant bits (0.1234567 is in [2^-4, 2^-3): a multiple of 2^-24)
        Rational rounded = Rational.ceil(0.1234567);
        assertThat((1 << 24) % rounded.denominator()).isZero();
        assertThat(rounded.doubleValue()).isGreaterThanOrEqualTo(0.1234567).isLessThan(0.1234567 + 0x1p-24);
        Rational tiny = Rational.ceil(new java.math.BigDecimal("1.23456789e-9"));
        assertThat(tiny.doubleValue()).isGreaterThanOrEqualTo(1.23456789e-9).isLessThan(1.23456789e-9 * (1 + 0x1p-20));
        // large and inexact: an integer, so that a discrete Gaussian's arithmetic stays in longs
        assertThat(Rational.ceil(1234.5678 * 1234.5678)).isEqualTo(Rational.of(1_524_158));
        assertThat(Rational.ceilOfQuotient(java.math.BigDecimal.ONE, java.math.BigDecimal.valueOf(3)))
                .isEqualTo(Rational.of(699_051, 1 << 21));
        assertThatThrownBy(() -> Rational.of(0, 1)).hasMessageContaining("positive numerator and denominator");
        assertThatThrownBy(() -> Rational.ceil(-1.0))
                .hasMessage("value must be positive and finite. Provided value: -1.0");
        assertThatThrownBy(() -> Rational.ceil(1e30)).hasMessageContaining("between 2^-40 and 2^63");
        assertThatThrownBy(() -> Rational.ceil(1.234567e-15)).hasMessageContaining("between 2^-40 and 2^63");
        assertThat(Rational.of(7, 3).toString()).isEqualTo("7/3");
    }
}
