package io.shadowfeed.trainer.transform;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One-dimensional k-means (k-means++ seeding, then Lloyd's iterations) over distinct values with counts: the
 * initial hard assignment of {@link VariationalFit}, as scikit-learn's {@code init_params='kmeans'}.
 */
final class WeightedKMeans {

    private static final int MAX_ITERATIONS = 300;

    private WeightedKMeans() {}

    /**
     * The cluster of each value.
     *
     * @param values  distinct values
     * @param weights their counts (all positive)
     * @param k       the number of clusters, at most {@code values.length} so that seeding always finds new centres
     */
    static int[] labels(double[] values, double[] weights, int k, SplittableRandom random) {
        double[] centres = seed(values, weights, k, random);
        int[] labels = new int[values.length];
        assign(values, centres, labels);
        double[] sums = new double[k];
        double[] mass = new double[k];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Arrays.fill(sums, 0.0);
            Arrays.fill(mass, 0.0);
            for (int i = 0; i < values.length; i++) {
                sums[labels[i]] += weights[i] * values[i];
                mass[labels[i]] += weights[i];
            }
            for (int c = 0; c < k; c++) {
                // An emptied cluster keeps its centre; the mixture then starts that component at the prior.
                if (mass[c] > 0) {
                    centres[c] = sums[c] / mass[c];
                }
            }
            if (!assign(values, centres, labels)) {
                break;
            }
        }
        return labels;
    }

    /** k-means++: each new centre drawn with probability proportional to count times squared distance. */
    private static double[] seed(double[] values, double[] weights, int k, SplittableRandom random) {
        double[] centres = new double[k];
        double[] distance = new double[values.length];
        centres[0] = values[draw(weights, null, random)];
        for (int i = 0; i < values.length; i++) {
            double d = values[i] - centres[0];
            distance[i] = d * d;
        }
        for (int c = 1; c < k; c++) {
            centres[c] = values[draw(weights, distance, random)];
            for (int i = 0; i < values.length; i++) {
                double d = values[i] - centres[c];
                distance[i] = Math.min(distance[i], d * d);
            }
        }
        return centres;
    }

    private static int draw(double[] weights, double[] distance, SplittableRandom random) {
        double total = 0;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            double mass = distance == null ? weights[i] : weights[i] * distance[i];
            total += mass;
            if (mass > 0) {
                last = i;
            }
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            double mass = distance == null ? weights[i] : weights[i] * distance[i];
            cumulative += mass;
            if (mass > 0 && target < cumulative) {
                return i;
            }
        }
        return last;
    }

    /** Nearest centre for every value; whether any label changed. */
    private static boolean assign(double[] values, double[] centres, int[] labels) {
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            int best = 0;
            double bestDistance = Math.abs(values[i] - centres[0]);
            for (int c = 1; c < centres.length; c++) {
                double d = Math.abs(values[i] - centres[c]);
                if (d < bestDistance) {
                    best = c;
                    bestDistance = d;
                }
            }
            if (labels[i] != best) {
                labels[i] = best;
                changed = true;
            }
        }
        return changed;
    }
}
