package io.shadowfeed.privacy.dp.accounting;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Against the published reference values of Google's dp_accounting and Opacus (their tests), to 1e-6 relative. */
class RdpAccountantTest {

    /** Opacus's and TensorFlow Privacy's default orders: 1.1 to 10.9 by 0.1, then 12 to 63. */
    private static List<Double> opacusOrders() {
        List<Double> orders = new ArrayList<>();
        for (int x = 1; x < 100; x++) {
            orders.add(1 + x / 10.0);
        }
        for (int order = 12; order < 64; order++) {
            orders.add((double) order);
        }
        return orders;
    }

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * tolerance));
    }

    @Test
    void poissonSubsampledGaussianMatchesDpAccounting() {
        // dp_accounting rdp_privacy_accountant_test.test_compute_rdp_poisson_sampled_gaussian (values printed to
        // 9 significant digits there)
        double[] rdp = new RdpAccountant(List.of(1.5, 2.5, 5.0, 50.0, 100.0))
                .composeSubsampledGaussian(0.01, 2.5, 50).rdp();
        double[] expected = {6.70579741e-04, 1.08548710e-03, 2.18075656e-03, 2.38460375e-02, 1.67416308e02};
        for (int i = 0; i < expected.length; i++) {
            assertRelative(rdp[i], expected[i], 1e-6);
        }
    }

    @Test
    void theSignedSeriesMatchesTensorFlowPrivacyAndIsBelowTheBound() {
        // The exact (signed) moment at fractional orders; integer orders are the same in both series.
        double[] signed = new RdpAccountant(List.of(1.5, 2.5, 5.0), FractionalSeries.SIGNED)
                .composeSubsampledGaussian(0.01, 2.5, 50).rdp();
        double[] bound = new RdpAccountant(List.of(1.5, 2.5, 5.0), FractionalSeries.ABSOLUTE)
                .composeSubsampledGaussian(0.01, 2.5, 50).rdp();
        assertThat(signed[0]).isLessThan(bound[0]);
        assertThat(signed[1]).isLessThan(bound[1]);
        assertThat(signed[2]).isEqualTo(bound[2]);
    }

    @Test
    void epsilonOfDpSgdMatchesOpacus() {
        // opacus tests/accountants_test.test_rdp_accountant: sigma 1.5, q 0.04, 90 epochs, delta 1e-5
        RdpAccountant.EpsilonResult result = new RdpAccountant(opacusOrders(), FractionalSeries.SIGNED)
                .composeSubsampledGaussian(0.04, 1.5, 2250).epsilon(1e-5, RdpConversion.TIGHT);
        assertRelative(result.epsilon(), 7.32911117143, 1e-6);
        assertThat(result.conversion()).isEqualTo(RdpConversion.TIGHT);
    }

    @Test
    void tightConversionMatchesDpAccountingOnPureDp() {
        // dp_accounting test_compute_epsilon_delta_pure_dp: RDP 1.1 at orders 2..32 -> 1.32783806176 at order 32
        List<Double> orders = new ArrayList<>();
        for (int order = 2; order <= 32; order++) {
            orders.add((double) order);
        }
        double best = Double.POSITIVE_INFINITY;
        double bestOrder = 0;
        for (double order : orders) {
            double epsilon = RdpConversion.TIGHT.epsilon(1.1, order, 1e-5);
            if (epsilon < best) {
                best = epsilon;
                bestOrder = order;
            }
        }
        assertRelative(best, 1.32783806176, 1e-9);
        assertThat(bestOrder).isEqualTo(32);
    }

    @Test
    void theTightConversionIsNeverWorseAndTheGaussianHasItsClosedForm() {
        RdpAccountant accountant = RdpAccountant.withDefaultOrders().composeSubsampledGaussian(0.01, 1.1, 10_000);
        double tight = accountant.epsilon(1e-5, RdpConversion.TIGHT).epsilon();
        double classic = accountant.epsilon(1e-5, RdpConversion.CLASSIC).epsilon();
        assertThat(tight).isLessThan(classic);

        double[] gaussian = new RdpAccountant(List.of(3.14159)).composeSubsampledGaussian(1, 2.71828, 1).rdp();
        assertRelative(gaussian[0], 3.14159 / (2 * 2.71828 * 2.71828), 1e-12);
        assertThat(new RdpAccountant(List.of(3.0)).composeSubsampledGaussian(0, 1, 100).rdp()[0]).isZero();
    }

    @Test
    void fractionalOrdersSitBetweenTheirIntegerNeighbours() {
        // RDP is non-decreasing in the order; the series for 2.5 must land between the exact sums for 2 and 3
        double[] rdp = new RdpAccountant(List.of(2.0, 2.5, 3.0, 10.0, 10.5, 11.0), FractionalSeries.SIGNED)
                .composeSubsampledGaussian(0.02, 0.9, 1).rdp();
        assertThat(rdp[1]).isBetween(rdp[0], rdp[2]);
        assertThat(rdp[4]).isBetween(rdp[3], rdp[5]);
    }

    @Test
    void noiseMultiplierIsTheInverseOfEpsilon() {
        // opacus test_get_noise_multiplier answers 1.425307617 for epsilon 8 within its tolerance of 0.01
        double sigma = RdpAccountant.noiseMultiplier(0.04, 2250, 1e-5, 8, opacusOrders());
        double epsilon = new RdpAccountant(opacusOrders()).composeSubsampledGaussian(0.04, sigma, 2250)
                .epsilon(1e-5, RdpConversion.TIGHT).epsilon();
        assertRelative(epsilon, 8, 1e-6);
        assertThat(sigma).isLessThanOrEqualTo(1.425307617).isGreaterThan(1.41);
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> new RdpAccountant(List.of(1.0))).hasMessageContaining("greater than 1");
        assertThatThrownBy(() -> RdpAccountant.withDefaultOrders().composeSubsampledGaussian(1.5, 1, 1))
                .hasMessageContaining("sampling rate");
        assertThatThrownBy(() -> RdpAccountant.withDefaultOrders().composeSubsampledGaussian(0.1, 0, 1))
                .hasMessageContaining("noise multiplier");
        assertThatThrownBy(() -> RdpAccountant.withDefaultOrders().epsilon(0, RdpConversion.TIGHT))
                .hasMessageContaining("delta");
    }
}
