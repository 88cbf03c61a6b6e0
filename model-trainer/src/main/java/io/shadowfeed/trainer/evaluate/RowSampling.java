package io.shadowfeed.trainer.evaluate;

import java.util.Arrays;
import java.util.Random;

/** Seeded row samples and quantiles shared by the privacy and utility evaluations. */
final class RowSampling {

    private RowSampling() {
    }

    /** {@code k} distinct positions out of {@code n}, drawn without replacement (all of them when k >= n). */
    static int[] sample(int n, int k, Random random) {
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        if (k >= n) {
            return positions;
        }
        // Partial Fisher-Yates: only the first k slots are shuffled.
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
        }
        return Arrays.copyOf(positions, k);
    }

    /** Linear interpolation between closest ranks of a sorted, non-empty array (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
