package io.shadowfeed.privacy.dp.accounting;

/**
 * How the series for a fractional order's moment treats its terms of negative binomial coefficient. The two
 * reference implementations differ here, and so do their published values at fractional orders (integer orders
 * agree exactly).
 */
public enum FractionalSeries {
    /** Terms with their signs: the exact moment (Mironov et al. 2019; TensorFlow Privacy and Opacus). */
    SIGNED,
    /**
     * Every term added: an upper bound on the moment, so never an under-count of the privacy spent, and no
     * cancellation (Google's dp_accounting since it dropped the signs). The default for accounting that must fail
     * closed.
     */
    ABSOLUTE
}
