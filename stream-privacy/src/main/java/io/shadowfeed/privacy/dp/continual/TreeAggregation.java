package io.shadowfeed.privacy.dp.continual;

import io.shadowfeed.privacy.dp.accounting.RdpAccountant;
import io.shadowfeed.privacy.dp.accounting.RdpCurve;
import io.shadowfeed.privacy.dp.mechanism.DpPreconditions;
import io.shadowfeed.privacy.dp.mechanism.RandomSource;
import io.shadowfeed.privacy.dp.mechanism.RandomSources;
import io.shadowfeed.privacy.dp.mechanism.Rational;

import java.math.BigDecimal;
import java.util.List;

/**
 * The binary-tree (tree aggregation) mechanism for continual release of running counts and histograms (Dwork,
 * Naor, Pitassi and Rothblum 2010; Chan, Shi and Song 2011): immutable configuration, privacy cost and error
 * bounds; {@link #newHistogram} and {@link #newCounter} start a release.
 *
 * <p><b>How it releases.</b> Time step t (t = 1, 2, ...) brings a vector of {@code dimension} exact counts. Node
 * (l, j) of the tree is the sum of the steps in the dyadic block ((j - 1) 2^l, j 2^l]; when a block completes, its
 * node is released once with fresh discrete Gaussian noise on every coordinate. The running total at step t is
 * the sum of the noisy nodes of t's binary decomposition, one per 1-bit of t: popcount(t) nodes, at most
 * floor(log2 T) + 1 &lt;= ceil(log2 T) + 1 for t &lt;= T. Every released total is post-processing of the noisy
 * nodes.
 *
 * <p><b>What it costs, fixed up front.</b> A privacy unit contributes to at most {@code maxStepsPerUnit} = m steps,
 * changing each step's vector by at most {@code l2Sensitivity} = Delta in L2 (bound it first, see
 * {@link io.shadowfeed.privacy.dp.mechanism.ContributionLimit}). Each step lies in one node per level, so a unit
 * moves each level's nodes by at most m Delta in L2, and the release of all nodes is (sum over levels of m^2
 * Delta^2 / (2 sigma_l^2))-zCDP (Canonne, Kamath and Steinke 2020, Theorem 14, composed over levels). Two
 * variants, chosen in the builder:
 * <ul>
 *   <li>{@link Builder#horizon(long) fixed horizon T}: L = floor(log2 T) + 1 levels, the same sigma^2 on each,
 *   rho = L m^2 Delta^2 / (2 sigma^2). Step T + 1 is refused ({@link HorizonExhaustedException}): the cost covered
 *   T steps and no more, so the release fails closed.</li>
 *   <li>{@link Builder#unboundedHorizon() unbounded}: level l gets sigma_l^2 = (l + 1)^2 sigma_0^2, so the series
 *   converges: rho = (pi^2 / 6) m^2 Delta^2 / (2 sigma_0^2) for the whole, endless stream; the price is error
 *   that grows as log^3 t instead of log t in variance.</li>
 * </ul>
 *
 * <p><b>Error.</b> Each coordinate of the running total at step t is the exact total plus the sum of popcount(t)
 * independent discrete Gaussians, one per node used. N_Z(0, s^2) has variance at most s^2 and is s-subgaussian
 * (Canonne, Kamath and Steinke 2020), so the error E_t has variance at most V_t = sum over the 1-bits l of t of
 * sigma_l^2 ({@link #prefixVariance}), at most L sigma^2 with a fixed horizon, and P(|E_t| &gt; sqrt(2 V_t
 * log(2/beta))) &lt;= beta ({@link #errorBound}). For all steps up to T and all coordinates at once, use beta / (T
 * dimension) (a union bound). {@code TreeAggregationTest} checks both empirically over many seeded runs.
 */
public final class TreeAggregation {
    /** pi^2 / 6 rounded up in its 31st digit: the unbounded variant's cost is never under-stated. */
    private static final BigDecimal PI_SQUARED_OVER_SIX = new BigDecimal("1.644934066848226436472415166647");

    private final long horizon;
    private final int dimension;
    private final double l2Sensitivity;
    private final long maxStepsPerUnit;
    private final Rational nodeSigmaSquared;
    private final double rho;

    private TreeAggregation(long horizon, int dimension, double l2Sensitivity, long maxStepsPerUnit,
            Rational nodeSigmaSquared) {
        this.horizon = horizon;
        this.dimension = dimension;
        this.l2Sensitivity = l2Sensitivity;
        this.maxStepsPerUnit = maxStepsPerUnit;
        this.nodeSigmaSquared = nodeSigmaSquared;
        BigDecimal unitShift = unitShiftSquared(l2Sensitivity, maxStepsPerUnit);
        BigDecimal levelsFactor = isUnbounded() ? PI_SQUARED_OVER_SIX : BigDecimal.valueOf(levels(horizon));
        // rho = factor * m^2 Delta^2 * d / (2 n), for sigma^2 = n / d
        this.rho = Rational.ceilToDouble(levelsFactor.multiply(unitShift)
                        .multiply(BigDecimal.valueOf(nodeSigmaSquared.denominator())),
                BigDecimal.valueOf(nodeSigmaSquared.numerator()).multiply(BigDecimal.valueOf(2)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A running histogram over this tree, drawing its noise from {@code random}. */
    public TreeHistogram newHistogram(RandomSource random) {
        return new TreeHistogram(this, DpPreconditions.checkNotNull(random, "random"));
    }

    /** A running histogram over this tree with noise from a fresh secure DRBG. */
    public TreeHistogram newHistogram() {
        return newHistogram(RandomSources.secure());
    }

    /** A running count (dimension 1) over this tree, drawing its noise from {@code random}. */
    public TreeCounter newCounter(RandomSource random) {
        if (dimension != 1) {
            throw new IllegalStateException("a counter needs dimension 1; this tree has dimension " + dimension
                    + ": use newHistogram()");
        }
        return new TreeCounter(newHistogram(random));
    }

    public TreeCounter newCounter() {
        return newCounter(RandomSources.secure());
    }

    /** The total cost of the whole release (all steps up to the horizon, or forever when unbounded), as zCDP. */
    public double rho() {
        return rho;
    }

    /** The total cost as an RDP curve, rho * alpha. */
    public RdpCurve rdp(List<Double> orders) {
        return RdpCurve.zcdp(rho, orders);
    }

    public RdpCurve rdp() {
        return rdp(RdpAccountant.DEFAULT_ORDERS);
    }

    /** The fixed horizon T, or {@link Long#MAX_VALUE} when unbounded. */
    public long horizon() {
        return horizon;
    }

    public boolean isUnbounded() {
        return horizon == Long.MAX_VALUE;
    }

    public int dimension() {
        return dimension;
    }

    public double l2Sensitivity() {
        return l2Sensitivity;
    }

    public long maxStepsPerUnit() {
        return maxStepsPerUnit;
    }

    /** sigma^2 of a node at level 0 (and at every level with a fixed horizon). */
    public Rational nodeSigmaSquared() {
        return nodeSigmaSquared;
    }

    /** sigma^2 of a node at this level: sigma_0^2, or (level + 1)^2 sigma_0^2 when unbounded. */
    public Rational levelSigmaSquared(int level) {
        if (level < 0 || level > 62) {
            throw new IllegalArgumentException("level must be in [0, 62]. Provided value: " + level);
        }
        if (!isUnbounded()) {
            return nodeSigmaSquared;
        }
        long factor = (long) (level + 1) * (level + 1);
        return Rational.of(Math.multiplyExact(nodeSigmaSquared.numerator(), factor),
                nodeSigmaSquared.denominator());
    }

    /** The noisy nodes in the total released at step t: popcount(t). */
    public static int nodesUsed(long step) {
        checkStep(step);
        return Long.bitCount(step);
    }

    /** The bound V_t on the variance of each coordinate's error at step t: sigma_l^2 summed over t's 1-bits. */
    public double prefixVariance(long step) {
        checkStep(step);
        double variance = 0;
        for (long bits = step; bits != 0; bits &= bits - 1) {
            variance += levelSigmaSquared(Long.numberOfTrailingZeros(bits)).doubleValue();
        }
        return variance;
    }

    /** sqrt(2 V_t log(2 / beta)): one coordinate's error at step t exceeds it with probability at most beta. */
    public double errorBound(long step, double beta) {
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in (0, 1). Provided value: " + beta);
        }
        return Math.sqrt(2 * prefixVariance(step) * Math.log(2 / beta));
    }

    private static void checkStep(long step) {
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1. Provided value: " + step);
        }
    }

    /** floor(log2 T) + 1: the levels of a tree over T steps. */
    static int levels(long horizon) {
        return Long.SIZE - Long.numberOfLeadingZeros(horizon);
    }

    private static BigDecimal unitShiftSquared(double l2Sensitivity, long maxStepsPerUnit) {
        BigDecimal shift = new BigDecimal(l2Sensitivity).multiply(BigDecimal.valueOf(maxStepsPerUnit));
        return shift.multiply(shift);
    }

    /**
     * Required: {@link #horizon} or {@link #unboundedHorizon}, {@link #l2Sensitivity}, and one of
     * {@link #nodeSigma}, {@link #nodeSigmaSquared} or {@link #rho} (the total budget, from which sigma^2 follows,
     * rounded up). Optional: {@link #dimension} (1), {@link #maxStepsPerUnit} (1: event-level privacy).
     */
    public static final class Builder {
        private long horizon;
        private int dimension = 1;
        private double l2Sensitivity = Double.NaN;
        private long maxStepsPerUnit = 1;
        private double nodeSigma = Double.NaN;
        private Rational nodeSigmaSquared;
        private double rho = Double.NaN;

        private Builder() {
        }

        /** The most steps the release will cover; its cost is for exactly these. */
        public Builder horizon(long horizon) {
            DpPreconditions.checkUnset(this.horizon != 0, "horizon");
            if (horizon < 1 || horizon == Long.MAX_VALUE) {
                throw new IllegalArgumentException("horizon must be in [1, 2^63 - 2]. Provided value: " + horizon
                        + " (for an endless stream use unboundedHorizon())");
            }
            this.horizon = horizon;
            return this;
        }

        /** No horizon: per-level noise growing as (level + 1)^2 keeps the total cost finite. */
        public Builder unboundedHorizon() {
            DpPreconditions.checkUnset(this.horizon != 0, "horizon");
            this.horizon = Long.MAX_VALUE;
            return this;
        }

        /** Cells per step (1 for a count). */
        public Builder dimension(int dimension) {
            this.dimension = (int) DpPreconditions.checkPositive(dimension, "dimension");
            return this;
        }

        /** The most one privacy unit changes one step's vector, in L2. */
        public Builder l2Sensitivity(double l2Sensitivity) {
            this.l2Sensitivity = DpPreconditions.checkSensitivity(l2Sensitivity, "l2Sensitivity");
            return this;
        }

        /** The most steps one privacy unit contributes to (enforce it upstream). */
        public Builder maxStepsPerUnit(long maxStepsPerUnit) {
            this.maxStepsPerUnit = DpPreconditions.checkPositive(maxStepsPerUnit, "maxStepsPerUnit");
            return this;
        }

        /** sigma of each node's noise as a decimal (of level 0 when unbounded); exact when sigma^2 has <= 6 places. */
        public Builder nodeSigma(double nodeSigma) {
            this.nodeSigma = DpPreconditions.checkPositiveFinite(nodeSigma, "nodeSigma");
            return this;
        }

        public Builder nodeSigmaSquared(Rational nodeSigmaSquared) {
            this.nodeSigmaSquared = DpPreconditions.checkNotNull(nodeSigmaSquared, "nodeSigmaSquared");
            return this;
        }

        /** The total zCDP budget of the whole release; the node noise is chosen to spend at most it. */
        public Builder rho(double rho) {
            this.rho = DpPreconditions.checkRho(rho);
            return this;
        }

        public TreeAggregation build() {
            if (horizon == 0) {
                throw new IllegalStateException("set horizon(T) or unboundedHorizon(): the cost of a tree is fixed "
                        + "by how many steps it covers");
            }
            if (Double.isNaN(l2Sensitivity)) {
                throw new IllegalStateException("l2Sensitivity is not set: the most one privacy unit changes one "
                        + "step's counts, in L2");
            }
            int given = (Double.isNaN(nodeSigma) ? 0 : 1) + (nodeSigmaSquared == null ? 0 : 1)
                    + (Double.isNaN(rho) ? 0 : 1);
            if (given != 1) {
                throw new IllegalStateException("set exactly one of nodeSigma(...), nodeSigmaSquared(...) or "
                        + "rho(...); " + given + " are set");
            }
            Rational sigmaSquared = nodeSigmaSquared;
            if (!Double.isNaN(nodeSigma)) {
                BigDecimal sigma = BigDecimal.valueOf(nodeSigma);
                sigmaSquared = Rational.ceil(sigma.multiply(sigma));
            } else if (!Double.isNaN(rho)) {
                BigDecimal factor = horizon == Long.MAX_VALUE ? PI_SQUARED_OVER_SIX
                        : BigDecimal.valueOf(levels(horizon));
                sigmaSquared = Rational.ceilOfQuotient(factor.multiply(unitShiftSquared(l2Sensitivity,
                        maxStepsPerUnit)), BigDecimal.valueOf(2 * rho));
            }
            if (horizon == Long.MAX_VALUE && sigmaSquared.numerator() > Long.MAX_VALUE / (63 * 63)) {
                throw new IllegalArgumentException("nodeSigmaSquared must have a numerator below 2^63 / 63^2 for "
                        + "the unbounded tree (its top level's noise is 63^2 times it). Provided value: "
                        + sigmaSquared);
            }
            return new TreeAggregation(horizon, dimension, l2Sensitivity, maxStepsPerUnit, sigmaSquared);
        }
    }
}
