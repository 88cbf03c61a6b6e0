package io.shadowfeed.privacy.dp.accounting;

/** How an RDP guarantee at one order becomes an (epsilon, delta) guarantee. */
public enum RdpConversion {
    /** Mironov 2017, Proposition 3: epsilon = rdp + log(1/delta) / (alpha - 1). */
    CLASSIC {
        @Override
        public double epsilon(double rdp, double alpha, double delta) {
            return rdp + Math.log(1 / delta) / (alpha - 1);
        }
    },
    /**
     * Balle et al. 2020, Theorem 21 (also Canonne, Kamath and Steinke 2020): epsilon = rdp + log((alpha - 1) / alpha)
     * - (log(delta) + log(alpha)) / (alpha - 1). Never larger than the classic one for the orders used here.
     */
    TIGHT {
        @Override
        public double epsilon(double rdp, double alpha, double delta) {
            return rdp + Math.log((alpha - 1) / alpha) - (Math.log(delta) + Math.log(alpha)) / (alpha - 1);
        }
    };

    /** The epsilon at {@code delta} that an RDP guarantee of {@code rdp} at order {@code alpha} > 1 implies. */
    public abstract double epsilon(double rdp, double alpha, double delta);
}
