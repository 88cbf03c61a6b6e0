package io.shadowfeed.privacy.dp.accounting;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The Gaussian and Laplace curves against dp_accounting's published tests (google/differential-privacy,
 * python/dp_accounting/dp_accounting/rdp/rdp_privacy_accountant_test.py) and against the Rényi divergence computed
 * from its definition by numerical integration.
 */
class RdpCurveTest {

    private static void assertRelative(double actual, double expected, double tolerance) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * tolerance));
    }

    @Test
    void gaussianMatchesDpAccounting() {
        // test_compute_rdp_gaussian: order 3.14159, noise multiplier 2.71828 -> alpha / (2 sigma^2)
        double rdp = new RdpAccountant(List.of(3.14159)).composeGaussian(2.71828, 1).rdp()[0];
        assertRelative(rdp, 3.14159 / (2 * 2.71828 * 2.71828), 1e-12);
        // test_rdp_composition: six releases cost six times one
        double six = new RdpAccountant(List.of(2.71828)).composeGaussian(3.14159, 6).rdp()[0];
        double one = new RdpAccountant(List.of(2.71828)).composeGaussian(3.14159, 1).rdp()[0];
        assertRelative(six, 6 * one, 1e-12);
    }

    @Test
    void gaussianReachesExactlyEpsilonOneAtDpAccountingsNoise() {
        // test_compute_epsilon_delta_gaussian: "noise multiplier is chosen to obtain exactly (1, 1e-6)-DP" over the
        // orders 1.000 to 99.999 by 0.001 (order 1 itself left out here: its conversion is undefined there too)
        List<Double> orders = new ArrayList<>();
        for (int i = 1001; i < 100_000; i++) {
            orders.add(0.001 * i);
        }
        RdpAccountant.EpsilonResult result = new RdpAccountant(orders).composeGaussian(4.530877117, 1)
                .epsilon(1e-6);
        assertRelative(result.epsilon(), 1.0, 1e-6);
        assertThat(result.conversion()).isEqualTo(RdpConversion.TIGHT);
    }

    @Test
    void laplaceMatchesDpAccountingsChecks() {
        // test_laplace (small_eps, medium_eps, large_eps, repetition): a huge order simulates pure DP, so epsilon at
        // delta 1e-10 is eps * count to 7 places; the curve is continuous across order 1.1; near order 1 it is
        // below min(eps, eps^2 / 2) * count
        double[][] cases = {{0.01, 1}, {1.0, 1}, {100.0, 1}, {1.0, 100}};
        List<Double> orders = List.of(1 + 1e-6, 1.1 - 1e-6, 1.1 + 1e-6, 1e10);
        for (double[] c : cases) {
            double eps = c[0];
            long count = (long) c[1];
            RdpAccountant accountant = new RdpAccountant(orders).composeLaplace(eps, count);
            assertThat(accountant.epsilon(1e-10).epsilon()).isCloseTo(eps * count, within(1e-7));
            double[] rdp = accountant.rdp();
            assertThat(rdp[0]).isLessThanOrEqualTo(Math.min(eps, eps * eps / 2) * count);
            assertThat(rdp[1]).isCloseTo(rdp[2], within(1e-3));
        }
    }

    @Test
    void laplaceIsTheRenyiDivergenceOfItsDefinition() {
        // D_alpha(Lap(0, b) || Lap(1, b)) = log(integral p^alpha q^(1 - alpha)) / (alpha - 1), integrated piecewise
        // (the densities have kinks at 0 and 1) over +-60 scales, where the tails are below e^-60
        double[] epsilons = {0.05, 0.5, 1, 3};
        double[] alphas = {1.1, 1.5, 2, 3.7, 10, 64};
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(32, 1e-14, 1e-15);
        for (double eps : epsilons) {
            double b = 1 / eps;
            for (double alpha : alphas) {
                UnivariateFunction integrand = x -> Math.exp(alpha * logLaplace(x, 0, b)
                        + (1 - alpha) * logLaplace(x, 1, b));
                double integral = integrator.integrate(Integer.MAX_VALUE, integrand, -60 * b, 0)
                        + integrator.integrate(Integer.MAX_VALUE, integrand, 0, 1)
                        + integrator.integrate(Integer.MAX_VALUE, integrand, 1, 1 + 60 * b);
                double expected = Math.log(integral) / (alpha - 1);
                double actual = RdpCurve.laplace(eps, List.of(alpha)).values().get(0);
                assertRelative(actual, expected, 1e-9);
                assertThat(actual).isLessThanOrEqualTo(Math.min(eps, alpha * eps * eps / 2) * (1 + 1e-12));
            }
        }
    }

    private static double logLaplace(double x, double mean, double scale) {
        return -Math.abs(x - mean) / scale - Math.log(2 * scale);
    }

    @Test
    void zcdpAndPureDpCurves() {
        List<Double> orders = List.of(1.5, 2.0, 64.0);
        assertThat(RdpCurve.zcdp(0.25, orders).values()).containsExactly(0.375, 0.5, 16.0);
        // eps = 0.5: alpha eps^2 / 2 until it passes eps at alpha = 4
        assertThat(RdpCurve.pureDp(0.5, orders).values()).containsExactly(0.1875, 0.25, 0.5);
        // The discrete Gaussian is charged as the continuous one: rho = 1 / (2 sigma^2)
        assertThat(RdpCurve.gaussian(2, orders)).isEqualTo(RdpCurve.zcdp(0.125, orders));
    }

    @Test
    void curvesComposeOnTheSameOrdersOnly() {
        RdpCurve gaussian = RdpCurve.gaussian(1.1, RdpAccountant.DEFAULT_ORDERS);
        RdpCurve laplace = RdpCurve.laplace(0.3, RdpAccountant.DEFAULT_ORDERS);
        RdpCurve both = gaussian.times(3).plus(laplace);
        RdpAccountant accountant = RdpAccountant.withDefaultOrders().composeGaussian(1.1, 3).composeLaplace(0.3, 1);
        assertThat(both.valuesArray()).containsExactly(accountant.rdp(), within(1e-12));
        assertThat(accountant.curve()).isEqualTo(RdpAccountant.withDefaultOrders().compose(both).curve());
        assertThat(both.epsilon(1e-6)).isEqualTo(accountant.epsilon(1e-6));

        RdpCurve elsewhere = RdpCurve.gaussian(1.1, List.of(2.0, 3.0));
        assertThatThrownBy(() -> gaussian.plus(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same orders");
        assertThatThrownBy(() -> RdpAccountant.withDefaultOrders().compose(elsewhere))
                .hasMessageContaining("same orders");
    }

    @Test
    void curvesAreImmutableAndValidated() {
        List<Double> orders = new ArrayList<>(List.of(2.0, 3.0));
        RdpCurve curve = RdpCurve.of(orders, new double[] {0.1, 0.2});
        orders.set(0, 5.0);
        assertThat(curve.orders()).containsExactly(2.0, 3.0);
        assertThatThrownBy(() -> curve.orders().add(4.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> RdpCurve.of(List.of(2.0), new double[] {-0.1}))
                .hasMessage("RDP values must be >= 0 (or infinite). Provided value: -0.1");
        assertThatThrownBy(() -> RdpCurve.of(List.of(2.0), new double[] {Double.NaN}))
                .hasMessageContaining("Provided value: NaN");
        assertThatThrownBy(() -> RdpCurve.of(List.of(1.0), new double[] {0}))
                .hasMessage("RDP orders must be greater than 1 and finite. Provided value: 1.0");
        assertThatThrownBy(() -> RdpCurve.of(List.of(2.0, 3.0), new double[] {0}))
                .hasMessageContaining("one value per order");
        assertThatThrownBy(() -> RdpCurve.laplace(0, orders))
                .hasMessage("epsilon must be positive and finite. Provided value: 0.0");
        assertThatThrownBy(() -> RdpCurve.gaussian(Double.POSITIVE_INFINITY, orders))
                .hasMessageContaining("noise multiplier must be positive and finite");
        assertThatThrownBy(() -> curve.times(-1)).hasMessage("count must be >= 0. Provided value: -1");
        assertThat(RdpCurve.of(List.of(2.0), new double[] {Double.POSITIVE_INFINITY}).times(0).values())
                .containsExactly(0.0);
    }
}
