package io.shadowfeed.trainer.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mixture against samples of known mixtures. */
class BayesianGaussianMixtureTest {

    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};
    private static final double[] MEANS = {-10, 5, 30};
    private static final double[] STDS = {1, 2, 3};

    /** Enough iterations for the Dirichlet-process prior to empty the components k-means split off. */
    private static final MixtureSettings LONG_RUN = new MixtureSettings(10, 0.001, 0.005, 1000, 1e-3, 50_000);

    static double[] sample(int n, double[] weights, double[] means, double[] stds, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int k = 0;
            double cumulative = weights[0];
            while (u > cumulative && k < weights.length - 1) {
                cumulative += weights[++k];
            }
            values[i] = means[k] + stds[k] * random.nextGaussian();
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void findsThreeWellSeparatedComponents(long seed) {
        BayesianGaussianMixture mixture = BayesianGaussianMixture.fit(sample(3000, WEIGHTS, MEANS, STDS, seed),
                LONG_RUN, seed);

        assertThat(mixture.activeCount()).isEqualTo(3);
        int[] byMean = Arrays.stream(mixture.activeComponents()).boxed()
                .sorted((a, b) -> Double.compare(mixture.mean(a), mixture.mean(b))).mapToInt(Integer::intValue)
                .toArray();
        for (int k = 0; k < 3; k++) {
            assertThat(mixture.weight(byMean[k])).as("weight %s", k).isCloseTo(WEIGHTS[k], within(0.03));
            assertThat(mixture.mean(byMean[k])).as("mean %s", k).isCloseTo(MEANS[k], within(0.3));
            // The expected covariance carries the prior's share (the data variance over the component's count),
            // which widens the narrowest component by about 10% at this sample size.
            assertThat(mixture.std(byMean[k])).as("std %s", k).isCloseTo(STDS[k], within(0.2 * STDS[k]));
        }
        assertThat(Arrays.stream(mixture.weights()).sum()).isCloseTo(1.0, within(1e-12));
    }

    /**
     * At the reference's 100 iterations the prior has not always emptied the extra components yet (scikit-learn
     * leaves 6 to 8 active on this kind of data): the density must be right all the same.
     */
    @Test
    void referenceSettingsRecoverTheDensityEvenWithSplitComponents() {
        double[] values = sample(5000, WEIGHTS, MEANS, STDS, 3);
        BayesianGaussianMixture mixture = BayesianGaussianMixture.fit(values, MixtureSettings.defaults(), 3);

        assertThat(mixture.activeCount()).isBetween(3, 10);
        double[] groupWeight = new double[3];
        for (int c : mixture.activeComponents()) {
            int nearest = nearest(mixture.mean(c));
            assertThat(Math.abs(mixture.mean(c) - MEANS[nearest])).isLessThan(2 * STDS[nearest]);
            groupWeight[nearest] += mixture.weight(c);
        }
        for (int k = 0; k < 3; k++) {
            assertThat(groupWeight[k]).as("weight near %s", MEANS[k]).isCloseTo(WEIGHTS[k], within(0.03));
        }
        assertThat(maxCdfDistance(mixture, -20, 45, x -> trueCdf(x))).isLessThan(0.02);
    }

    @Test
    void singleGaussianLeavesOneActiveComponent() {
        double[] values = sample(1000, new double[] {1}, new double[] {50}, new double[] {10}, 11);
        BayesianGaussianMixture mixture = BayesianGaussianMixture.fit(values, LONG_RUN, 11);

        assertThat(mixture.activeCount()).isEqualTo(1);
        int c = mixture.activeComponents()[0];
        assertThat(mixture.weight(c)).isGreaterThan(0.99);
        assertThat(mixture.mean(c)).isCloseTo(50, within(1.0));
        assertThat(mixture.std(c)).isCloseTo(10, within(0.8));
        assertThat(mixture.converged()).isTrue();
    }

    @Test
    void singleGaussianAtReferenceSettingsHasTheRightDensity() {
        double[] values = sample(5000, new double[] {1}, new double[] {50}, new double[] {10}, 12);
        BayesianGaussianMixture mixture = BayesianGaussianMixture.fit(values, MixtureSettings.defaults(), 12);

        NormalDistribution truth = new NormalDistribution(50, 10);
        assertThat(maxCdfDistance(mixture, 20, 80, truth::cumulativeProbability)).isLessThan(0.02);
    }

    @Test
    void heavyMassAtZeroGetsItsOwnComponent() {
        // Like Adult's capital_gain: 92% zeros, the rest spread over orders of magnitude.
        Random random = new Random(5);
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < 0.92 ? 0.0 : Math.rint(Math.exp(8 + random.nextGaussian()));
        }
        BayesianGaussianMixture mixture = BayesianGaussianMixture.fit(values, MixtureSettings.defaults(), 5);

        for (int c = 0; c < mixture.componentCount(); c++) {
            assertThat(mixture.weight(c)).isFinite();
            assertThat(mixture.mean(c)).isFinite();
            assertThat(mixture.std(c)).isFinite().isPositive();
        }
        int zero = Arrays.stream(mixture.activeComponents())
                .reduce((a, b) -> Math.abs(mixture.mean(a)) < Math.abs(mixture.mean(b)) ? a : b).getAsInt();
        assertThat(mixture.mean(zero)).isCloseTo(0.0, within(1.0));
        assertThat(mixture.weight(zero)).isCloseTo(0.92, within(0.02));
        assertThat(mixture.posterior(0.0)[zero]).isGreaterThan(0.99);
        for (double x : new double[] {0, 1, 3000, 1e5, -50}) {
            double[] posterior = mixture.posterior(x);
            assertThat(Arrays.stream(posterior).allMatch(Double::isFinite)).as("finite at %s", x).isTrue();
            assertThat(Arrays.stream(posterior).sum()).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void constantInputIsOneComponent() {
        double[] values = new double[500];
        Arrays.fill(values, 7.5);
        BayesianGaussianMixture mixture = BayesianGaussianMixture.fit(values, MixtureSettings.defaults(), 1);

        assertThat(mixture.componentCount()).isEqualTo(1);
        assertThat(mixture.activeComponents()).containsExactly(0);
        assertThat(mixture.mean(0)).isEqualTo(7.5);
        assertThat(mixture.std(0)).isFinite().isPositive().isLessThan(0.01);
        assertThat(mixture.posterior(7.5)).containsExactly(1.0);
        assertThat(mixture.posterior(1e6)).containsExactly(1.0);

        BayesianGaussianMixture single = BayesianGaussianMixture.fit(new double[] {3.0}, MixtureSettings.defaults(),
                1);
        assertThat(single.mean(0)).isCloseTo(3.0, within(1e-12));
        assertThat(single.std(0)).isFinite().isPositive();
    }

    @Test
    void fewDistinctValuesCapTheComponents() {
        double[] values = new double[300];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 3;
        }
        BayesianGaussianMixture mixture = BayesianGaussianMixture.fit(values, MixtureSettings.defaults(), 2);

        assertThat(mixture.componentCount()).isEqualTo(3);
        assertThat(Arrays.stream(mixture.weights()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void sameSeedSameMixture() {
        double[] values = sample(4000, WEIGHTS, MEANS, STDS, 9);
        MixtureSettings sampled = new MixtureSettings(10, 0.001, 0.005, 100, 1e-3, 1000);

        MixtureState first = BayesianGaussianMixture.fit(values, sampled, 42).state();
        MixtureState second = BayesianGaussianMixture.fit(values, sampled, 42).state();
        MixtureState other = BayesianGaussianMixture.fit(values, sampled, 43).state();

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void restoredStateGivesTheSamePosteriors() {
        BayesianGaussianMixture mixture = BayesianGaussianMixture.fit(sample(2000, WEIGHTS, MEANS, STDS, 4),
                MixtureSettings.defaults(), 4);
        BayesianGaussianMixture restored = BayesianGaussianMixture.fromState(mixture.state());

        for (double x = -15; x < 40; x += 0.7) {
            assertThat(restored.posterior(x)).containsExactly(mixture.posterior(x));
        }
        assertThat(restored.activeComponents()).containsExactly(mixture.activeComponents());
        assertThat(mixture.posterior(-10)[nearestComponent(mixture, -10)]).isGreaterThan(0.5);
    }

    @Test
    void rejectsEmptyAndNonFiniteValues() {
        assertThatThrownBy(() -> BayesianGaussianMixture.fit(new double[0], MixtureSettings.defaults(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values must not be empty");
        assertThatThrownBy(() -> BayesianGaussianMixture.fit(new double[] {1, Double.NaN}, MixtureSettings.defaults(),
                1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values must be finite");
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new MixtureSettings(0, 0.001, 0.005, 100, 1e-3, 10))
                .hasMessage("maxComponents must be >= 1. Provided value: 0");
        assertThatThrownBy(() -> new MixtureSettings(10, -1, 0.005, 100, 1e-3, 10))
                .hasMessage("weightConcentrationPrior must be finite and > 0. Provided value: -1.0");
        assertThatThrownBy(() -> new MixtureSettings(10, 0.001, 1.0, 100, 1e-3, 10))
                .hasMessage("weightThreshold must be in [0, 1). Provided value: 1.0");
    }

    private static int nearest(double x) {
        int best = 0;
        for (int k = 1; k < MEANS.length; k++) {
            if (Math.abs(x - MEANS[k]) < Math.abs(x - MEANS[best])) {
                best = k;
            }
        }
        return best;
    }

    private static int nearestComponent(BayesianGaussianMixture mixture, double x) {
        int best = mixture.activeComponents()[0];
        for (int c : mixture.activeComponents()) {
            if (Math.abs(x - mixture.mean(c)) < Math.abs(x - mixture.mean(best))) {
                best = c;
            }
        }
        return best;
    }

    private static double trueCdf(double x) {
        double p = 0;
        for (int k = 0; k < 3; k++) {
            p += WEIGHTS[k] * new NormalDistribution(MEANS[k], STDS[k]).cumulativeProbability(x);
        }
        return p;
    }

    private static double maxCdfDistance(BayesianGaussianMixture mixture, double from, double to,
            DoubleUnaryOperator truth) {
        double worst = 0;
        for (double x = from; x <= to; x += (to - from) / 200) {
            double p = 0;
            for (int c = 0; c < mixture.componentCount(); c++) {
                p += mixture.weight(c) * new NormalDistribution(mixture.mean(c), mixture.std(c))
                        .cumulativeProbability(x);
            }
            worst = Math.max(worst, Math.abs(p - truth.applyAsDouble(x)));
        }
        return worst;
    }
}
