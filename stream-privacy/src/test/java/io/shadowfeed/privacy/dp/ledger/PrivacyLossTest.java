package io.shadowfeed.privacy.dp.ledger;

import io.shadowfeed.privacy.dp.accounting.RdpAccountant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivacyLossTest {

    @Test
    void zcdpIsRhoTimesTheOrder() {
        assertThat(new PrivacyLoss.Zcdp(0.5).toRdp(List.of(1.5, 2.0, 64.0))).containsExactly(0.75, 1.0, 32.0);
        assertThat(PrivacyLoss.gaussian(2, 3)).isEqualTo(new PrivacyLoss.Zcdp(3 / 8.0));
    }

    @Test
    void anRdpCurveOnOtherOrdersIsBoundedByTheNextLargerOrder() {
        PrivacyLoss.Rdp curve = PrivacyLoss.Rdp.of(List.of(2.0, 4.0, 8.0), new double[] {0.1, 0.3, 0.9});
        assertThat(curve.toRdp(List.of(2.0, 4.0, 8.0))).containsExactly(0.1, 0.3, 0.9);
        assertThat(curve.toRdp(List.of(1.5, 3.0, 4.0, 5.0, 9.0)))
                .containsExactly(0.1, 0.3, 0.3, 0.9, Double.POSITIVE_INFINITY);
    }

    @Test
    void theSubsampledGaussianFactoryIsTheAccountantsCurve() {
        PrivacyLoss.Rdp loss = PrivacyLoss.subsampledGaussian(0.01, 1.1, 100);
        assertThat(loss.orders()).isEqualTo(RdpAccountant.DEFAULT_ORDERS);
        assertThat(loss.toRdp(RdpAccountant.DEFAULT_ORDERS))
                .containsExactly(RdpAccountant.withDefaultOrders().composeSubsampledGaussian(0.01, 1.1, 100).rdp());
    }

    @Test
    void invalidCurvesAreRejected() {
        assertThatThrownBy(() -> PrivacyLoss.Rdp.of(List.of(2.0, 1.5), new double[] {0.1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
        assertThatThrownBy(() -> PrivacyLoss.Rdp.of(List.of(2.0), new double[] {0.1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one value per order");
        assertThatThrownBy(() -> PrivacyLoss.Rdp.of(List.of(2.0), new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new PrivacyLoss.Zcdp(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rho must be >= 0 and finite. Provided value: -1.0");
        assertThatThrownBy(() -> PrivacyLoss.gaussian(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
