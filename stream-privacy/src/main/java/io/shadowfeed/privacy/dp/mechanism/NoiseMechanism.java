package io.shadowfeed.privacy.dp.mechanism;

import io.shadowfeed.privacy.dp.accounting.RdpAccountant;
import io.shadowfeed.privacy.dp.accounting.RdpCurve;

import java.util.List;
import java.util.Map;

/**
 * A noise-adding mechanism calibrated to a sensitivity, and what one release through it costs, in the forms the
 * accountants and the ledger compose: an RDP curve or a zCDP rho. A release is one call that adds noise, whether to
 * one value or to a vector (whose sensitivity, L1 or L2, is then that of the whole vector).
 */
public interface NoiseMechanism {

    /** A stable name for the ledger: {@code laplace}, {@code gaussian}, {@code discrete_laplace}, ... */
    String mechanism();

    /** The parameters in use, by name, as the ledger records them (values as decimal strings or fractions). */
    Map<String, String> parameters();

    /** One release as rho-zCDP. */
    double rho();

    /** One release as an RDP curve on these orders. */
    RdpCurve rdp(List<Double> orders);

    /** One release as an RDP curve on {@link RdpAccountant#DEFAULT_ORDERS}. */
    default RdpCurve rdp() {
        return rdp(RdpAccountant.DEFAULT_ORDERS);
    }
}
