package io.shadowfeed.privacy.dp.continual;

import io.shadowfeed.privacy.dp.accounting.RdpAccountant;
import io.shadowfeed.privacy.dp.mechanism.RandomSource;
import io.shadowfeed.privacy.dp.mechanism.Rational;
import io.shadowfeed.privacy.dp.testutils.SeededRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TreeAggregationTest {
    /** Two-sided normal quantile at 1e-4: the false-alarm rate of each variance check. */
    private static final double Z = 3.8906;
    private static final double ALPHA = 1e-4;

    /** The exact variance of N_Z(0, sigma^2), summed over +-(40 sigma + 10). */
    private static double discreteGaussianVariance(double sigmaSquared) {
        long reach = (long) (40 * Math.sqrt(sigmaSquared)) + 10;
        double mass = 0;
        double second = 0;
        for (long x = -reach; x <= reach; x++) {
            double p = Math.exp(-(double) x * x / (2 * sigmaSquared));
            mass += p;
            second += p * x * x;
        }
        return second / mass;
    }

    /**
     * 4000 seeded runs of a running count over T = 1000 steps with node sigma 2. At ten steps t the error's sample
     * variance must match popcount(t) times the discrete Gaussian's exact variance, and stay under the documented
     * bound V_t, each within Z = 3.89 standard errors (false-alarm rate 1e-4 per step, 1e-3 for the ten); the share
     * of runs beyond errorBound(t, 0.05), at any one step and simultaneously over all steps with beta / T, must be
     * within the 1 - 1e-4 quantile of Binomial(4000, 0.05).
     */
    @Test
    @Tag("statistical")
    void runningCountErrorIsWithinItsBound() {
        long horizon = 1000;
        int runs = 4000;
        TreeAggregation tree = TreeAggregation.builder().horizon(horizon).l2Sensitivity(1).nodeSigma(2).build();
        long[] checkpoints = {1, 2, 3, 7, 8, 255, 511, 512, 767, 1000};
        double[][] errors = new double[checkpoints.length][runs];
        double beta = 0.05;
        int[] beyond = new int[checkpoints.length];
        int beyondSimultaneous = 0;
        RandomSource random = SeededRandom.of(2011);
        for (int run = 0; run < runs; run++) {
            TreeCounter counter = tree.newCounter(random);
            long truth = 0;
            int next = 0;
            boolean anyBeyond = false;
            for (long t = 1; t <= horizon; t++) {
                long count = (t * 7) % 5;
                truth += count;
                long error = counter.add(count) - truth;
                anyBeyond |= Math.abs(error) > tree.errorBound(t, beta / horizon);
                if (next < checkpoints.length && checkpoints[next] == t) {
                    errors[next][run] = error;
                    beyond[next] += Math.abs(error) > tree.errorBound(t, beta) ? 1 : 0;
                    next++;
                }
            }
            beyondSimultaneous += anyBeyond ? 1 : 0;
        }
        double nodeVariance = discreteGaussianVariance(4);
        int allowedBeyond = new BinomialDistribution(null, runs, beta).inverseCumulativeProbability(1 - ALPHA);
        for (int i = 0; i < checkpoints.length; i++) {
            long t = checkpoints[i];
            double sampleVariance = variance(errors[i]);
            double expected = TreeAggregation.nodesUsed(t) * nodeVariance;
            double standardError = expected * Math.sqrt(2.0 / (runs - 1));
            assertThat(sampleVariance).as("error variance at step %d", t)
                    .isCloseTo(expected, within(Z * standardError));
            assertThat(sampleVariance).as("documented variance bound at step %d", t)
                    .isLessThanOrEqualTo(tree.prefixVariance(t) + Z * standardError);
            assertThat(beyond[i]).as("runs beyond errorBound(%d, 0.05)", t).isLessThanOrEqualTo(allowedBeyond);
        }
        assertThat(beyondSimultaneous).isLessThanOrEqualTo(allowedBeyond);
        // at most ceil(log2 T) + 1 noisy nodes in any released total
        for (long t = 1; t <= horizon; t++) {
            assertThat(TreeAggregation.nodesUsed(t)).isLessThanOrEqualTo((int) Math.ceil(Math.log(horizon)
                    / Math.log(2)) + 1);
        }
        assertThat(tree.prefixVariance(1000)).isEqualTo(6 * 4.0); // 1000 = 1111101000 in binary
    }

    /**
     * The unbounded variant: level l has sigma^2 = (l + 1)^2 sigma_0^2, so at step 511 (levels 0 to 8) the error
     * variance is sigma_0^2 (1 + 4 + ... + 81) = 285 and at 512 (level 9 alone) 100. 2000 seeded runs, the same
     * Z = 3.89 (1e-4 per check).
     */
    @Test
    @Tag("statistical")
    void unboundedTreeGrowsItsNoisePerLevel() {
        int runs = 2000;
        TreeAggregation tree = TreeAggregation.builder().unboundedHorizon().l2Sensitivity(1).nodeSigma(1).build();
        assertThat(tree.prefixVariance(511)).isEqualTo(285);
        assertThat(tree.prefixVariance(512)).isEqualTo(100);
        double[] at511 = new double[runs];
        double[] at512 = new double[runs];
        RandomSource random = SeededRandom.of(2010);
        for (int run = 0; run < runs; run++) {
            TreeCounter counter = tree.newCounter(random);
            for (long t = 1; t <= 512; t++) {
                long error = counter.add(1) - t;
                if (t == 511) {
                    at511[run] = error;
                } else if (t == 512) {
                    at512[run] = error;
                }
            }
        }
        double expected511 = 0;
        for (int level = 0; level <= 8; level++) {
            expected511 += discreteGaussianVariance((level + 1) * (level + 1));
        }
        double expected512 = discreteGaussianVariance(100);
        assertThat(variance(at511)).isCloseTo(expected511, within(Z * expected511 * Math.sqrt(2.0 / (runs - 1))));
        assertThat(variance(at512)).isCloseTo(expected512, within(Z * expected512 * Math.sqrt(2.0 / (runs - 1))));
    }

    private static double variance(double[] values) {
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return squares / (values.length - 1);
    }

    @Test
    void noiseDoesNotDependOnTheDataAndHistogramsSumPerCell() {
        TreeAggregation tree = TreeAggregation.builder().horizon(100).dimension(3).l2Sensitivity(Math.sqrt(3))
                .nodeSigma(4).build();
        TreeHistogram first = tree.newHistogram(SeededRandom.of(5));
        TreeHistogram second = tree.newHistogram(SeededRandom.of(5));
        long[] totalFirst = new long[3];
        long[] totalSecond = new long[3];
        for (int t = 1; t <= 100; t++) {
            long[] a = {t, 2L * t, 0};
            long[] b = {0, t % 3, 1000};
            long[] releasedA = first.add(a);
            long[] releasedB = second.add(b);
            for (int cell = 0; cell < 3; cell++) {
                totalFirst[cell] += a[cell];
                totalSecond[cell] += b[cell];
                // same seed, same nodes, same noise: the releases differ exactly as the true totals do
                assertThat(releasedA[cell] - releasedB[cell]).isEqualTo(totalFirst[cell] - totalSecond[cell]);
            }
        }
        assertThat(first.step()).isEqualTo(100);
        assertThatThrownBy(() -> first.add(new long[3])).isInstanceOf(HorizonExhaustedException.class)
                .hasMessageContaining("covers 100 steps");
        assertThatThrownBy(() -> second.add(new long[2])).hasMessageContaining("one value per cell: 3 expected");
        assertThatThrownBy(tree::newCounter).hasMessageContaining("a counter needs dimension 1");
    }

    @Test
    void costIsFixedUpFrontAndMatchesDpAccountingsTree() {
        // levels = floor(log2 T) + 1 nodes per unit, each (Delta^2 / (2 sigma^2))-zCDP
        TreeAggregation tree = TreeAggregation.builder().horizon(1000).l2Sensitivity(1).nodeSigma(2).build();
        assertThat(tree.rho()).isEqualTo(10 / 8.0);
        TreeAggregation users = TreeAggregation.builder().horizon(1000).l2Sensitivity(2).maxStepsPerUnit(3)
                .nodeSigma(2).build();
        assertThat(users.rho()).isEqualTo(10 * 36 / 8.0);
        // a budget picks the noise: sigma^2 = 10 / (2 * 0.5) = 10, and spends exactly it
        TreeAggregation budgeted = TreeAggregation.builder().horizon(1000).l2Sensitivity(1).rho(0.5).build();
        assertThat(budgeted.nodeSigmaSquared()).isEqualTo(Rational.of(10));
        assertThat(budgeted.rho()).isEqualTo(0.5);
        // unbounded: (pi^2 / 6) / (2 sigma_0^2), never below it
        TreeAggregation endless = TreeAggregation.builder().unboundedHorizon().l2Sensitivity(1).nodeSigma(1).build();
        assertThat(endless.rho()).isCloseTo(Math.PI * Math.PI / 12, within(1e-15))
                .isGreaterThanOrEqualTo(Math.PI * Math.PI / 12);
        assertThat(endless.levelSigmaSquared(3)).isEqualTo(Rational.of(16));
        TreeAggregation endlessBudget = TreeAggregation.builder().unboundedHorizon().l2Sensitivity(1).rho(0.25)
                .build();
        assertThat(endlessBudget.rho()).isLessThanOrEqualTo(0.25).isGreaterThan(0.25 * (1 - 1e-6));

        // dp_accounting rdp_privacy_accountant_test test_compute_eps_tree: 1600 steps, delta 1e-6, Opacus' orders;
        // noise multiplier 1.13 gives epsilon < 19.74 and 8.83 gives < 2.04. Its tree RDP is alpha * depth /
        // (2 z^2) with depth = ceil(log2(steps + 1)) = 11, which is this tree's levels for T = 1600.
        List<Double> orders = new ArrayList<>();
        for (int x = 1; x < 100; x++) {
            orders.add(1 + x / 10.0);
        }
        for (int order = 12; order < 64; order++) {
            orders.add((double) order);
        }
        double[][] cases = {{1.13, 19.74}, {8.83, 2.04}};
        for (double[] c : cases) {
            TreeAggregation sgd = TreeAggregation.builder().horizon(1600).l2Sensitivity(1).nodeSigma(c[0]).build();
            double[] rdp = sgd.rdp(orders).valuesArray();
            for (int i = 0; i < rdp.length; i++) {
                double dpAccounting = orders.get(i) * 11 / (2 * c[0] * c[0]);
                assertThat(rdp[i]).isCloseTo(dpAccounting, within(dpAccounting * 1e-12));
            }
            double epsilon = new RdpAccountant(orders).compose(sgd.rdp(orders)).epsilon(1e-6).epsilon();
            assertThat(epsilon).isLessThan(c[1]);
        }
    }

    @Test
    void badConfigurationsAreRefused() {
        assertThatThrownBy(() -> TreeAggregation.builder().l2Sensitivity(1).nodeSigma(1).build())
                .hasMessageContaining("set horizon(T) or unboundedHorizon()");
        assertThatThrownBy(() -> TreeAggregation.builder().horizon(0))
                .hasMessageContaining("horizon must be in [1, 2^63 - 2]. Provided value: 0");
        assertThatThrownBy(() -> TreeAggregation.builder().horizon(10).unboundedHorizon())
                .hasMessage("horizon is already set; set it once.");
        assertThatThrownBy(() -> TreeAggregation.builder().horizon(10).nodeSigma(1).build())
                .hasMessageContaining("l2Sensitivity is not set");
        assertThatThrownBy(() -> TreeAggregation.builder().horizon(10).l2Sensitivity(1).build())
                .hasMessageContaining("0 are set");
        assertThatThrownBy(() -> TreeAggregation.builder().maxStepsPerUnit(0))
                .hasMessage("maxStepsPerUnit must be positive. Provided value: 0");
        TreeAggregation tree = TreeAggregation.builder().horizon(10).l2Sensitivity(1).nodeSigma(1).build();
        assertThatThrownBy(() -> tree.errorBound(3, 1)).hasMessage("beta must be in (0, 1). Provided value: 1.0");
        assertThatThrownBy(() -> tree.prefixVariance(0)).hasMessage("step must be >= 1. Provided value: 0");
    }
}
