package io.shadowfeed.privacy.dp.accounting;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ZcdpAccountantTest {

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * tolerance));
    }

    @Test
    void tightConversionMatchesOpenDp() {
        // opendp rust/src/combinators/measure_cast/zCDP_to_approxDP/test.rs, test_zCDP_to_approxDP_nontrivial:
        // Gaussian of scale 4 and sensitivity 1, rho = 1/32, gives epsilon 0.6880024554878086 at delta 1e-3 (the
        // Canonne-Kamath-Steinke bound optimised over alpha)
        RdpAccountant.EpsilonResult result = new ZcdpAccountant().composeGaussian(4, 1).epsilon(1e-3);
        assertRelative(result.epsilon(), 0.6880024554878086, 1e-9);
        assertThat(result.conversion()).isEqualTo(RdpConversion.TIGHT);
        // cdp_delta/test.rs test_edge_cases: rho 0.5 is (0, 0.5588356393474351)-DP
        assertThat(ZcdpAccountant.epsilon(0.5, 0.5588356393474351, RdpConversion.TIGHT).epsilon())
                .isCloseTo(0, within(1e-9));
    }

    @Test
    void rhoForABudgetInvertsTheTightConversion() {
        // OpenDP's pair from tightConversionMatchesOpenDp, read backwards: epsilon 0.6880024554878086 at 1e-3
        assertRelative(ZcdpAccountant.rho(0.6880024554878086, 1e-3), 1 / 32.0, 1e-9);
        for (double delta : new double[] {1e-6, 0.5}) {
            for (double epsilon : new double[] {0.1, 1, 8}) {
                double rho = ZcdpAccountant.rho(epsilon, delta);
                assertThat(ZcdpAccountant.epsilon(rho, delta, RdpConversion.TIGHT).epsilon())
                        .isLessThanOrEqualTo(epsilon).isCloseTo(epsilon, within(epsilon * 1e-9));
            }
        }
        assertThatThrownBy(() -> ZcdpAccountant.rho(0, 1e-6)).hasMessageContaining("epsilon must be positive");
    }

    @Test
    void tightConversionMatchesDpAccountingsGaussian() {
        // dp_accounting rdp_privacy_accountant_test test_compute_epsilon_delta_gaussian: noise multiplier
        // 4.530877117 is exactly (1, 1e-6)-DP by this conversion
        RdpAccountant.EpsilonResult result = new ZcdpAccountant().composeGaussian(4.530877117, 1).epsilon(1e-6);
        assertRelative(result.epsilon(), 1.0, 1e-6);
    }

    @Test
    void classicConversionIsBunSteinke() {
        double rho = 0.07;
        double delta = 1e-6;
        RdpAccountant.EpsilonResult classic = new ZcdpAccountant().composeRho(rho, 1)
                .epsilon(delta, RdpConversion.CLASSIC);
        assertRelative(classic.epsilon(), rho + 2 * Math.sqrt(rho * Math.log(1 / delta)), 1e-12);
        assertThat(classic.conversion()).isEqualTo(RdpConversion.CLASSIC);
        // its order is the real minimiser of the classic conversion: no order of a fine grid does better
        List<Double> grid = new ArrayList<>();
        for (int i = 1; i < 200_000; i++) {
            grid.add(1 + i * 0.001);
        }
        RdpAccountant.EpsilonResult onGrid = new RdpAccountant(grid).composeZcdp(rho, 1)
                .epsilon(delta, RdpConversion.CLASSIC);
        assertThat(classic.epsilon()).isLessThanOrEqualTo(onGrid.epsilon())
                .isCloseTo(onGrid.epsilon(), within(1e-7));
        assertThat(classic.order()).isCloseTo(onGrid.order(), within(0.002));
    }

    @Test
    void tightIsTheBestOverAllOrdersAndBelowClassic() {
        for (double rho : new double[] {1e-4, 0.01, 0.5, 3, 40}) {
            for (double delta : new double[] {1e-10, 1e-5, 0.01}) {
                RdpAccountant.EpsilonResult tight = ZcdpAccountant.epsilon(rho, delta, RdpConversion.TIGHT);
                RdpAccountant.EpsilonResult classic = ZcdpAccountant.epsilon(rho, delta, RdpConversion.CLASSIC);
                RdpAccountant.EpsilonResult grid = RdpAccountant.withDefaultOrders().composeZcdp(rho, 1)
                        .epsilon(delta);
                assertThat(tight.epsilon()).isLessThan(classic.epsilon())
                        .isLessThanOrEqualTo(grid.epsilon() + 1e-12);
                // and nudging the order either way only makes it worse (results are clamped at 0)
                for (double nudge : new double[] {0.999, 1.001}) {
                    double order = tight.order() * nudge;
                    if (order > 1) {
                        double nudged = RdpConversion.TIGHT.epsilon(rho * order, order, delta);
                        assertThat(Math.max(nudged, 0)).isGreaterThanOrEqualTo(tight.epsilon());
                    }
                }
            }
        }
    }

    @Test
    void composesByAddingRho() {
        ZcdpAccountant accountant = new ZcdpAccountant().composeGaussian(2, 3).composePureDp(0.2, 5)
                .composeRho(0.01, 2);
        assertRelative(accountant.rho(), 3 / 8.0 + 5 * 0.02 + 0.02, 1e-12);
        assertThat(accountant.rdp(List.of(2.0, 10.0)).values())
                .containsExactly(2 * accountant.rho(), 10 * accountant.rho());
        // the same releases in RDP on the default orders give a larger (grid) epsilon, never a smaller one
        assertThat(accountant.epsilon(1e-6).epsilon()).isLessThanOrEqualTo(
                RdpAccountant.withDefaultOrders().compose(accountant.rdp(RdpAccountant.DEFAULT_ORDERS))
                        .epsilon(1e-6).epsilon());
        assertThat(new ZcdpAccountant().epsilon(1e-6).epsilon()).isZero();
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> new ZcdpAccountant().composeRho(-1, 1))
                .hasMessage("rho must be non-negative and finite. Provided value: -1.0");
        assertThatThrownBy(() -> new ZcdpAccountant().composeRho(0.1, -2))
                .hasMessage("count must be >= 0. Provided value: -2");
        assertThatThrownBy(() -> new ZcdpAccountant().composePureDp(Double.NaN, 1))
                .hasMessage("epsilon must be positive and finite. Provided value: NaN");
        assertThatThrownBy(() -> new ZcdpAccountant().composeGaussian(0, 1))
                .hasMessageContaining("noise multiplier must be positive and finite");
        assertThatThrownBy(() -> new ZcdpAccountant().epsilon(1))
                .hasMessage("delta must be in (0, 1). Provided value: 1.0");
    }
}
