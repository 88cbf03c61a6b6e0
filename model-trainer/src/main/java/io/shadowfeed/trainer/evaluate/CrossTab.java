package io.shadowfeed.trainer.evaluate;

import java.util.Arrays;

/**
 * The non-empty cells of a two-way frequency table over int codes, as keys {@code a * secondCount + b} in ascending
 * order with their counts. Small tables are counted in a dense array, large ones (high-cardinality columns) by
 * sorting the keys, so memory stays proportional to the rows.
 */
final class CrossTab {
    private static final long DENSE_LIMIT = 1 << 18;

    final long[] keys;
    final int[] counts;
    final int secondCount;
    final int rows;

    private CrossTab(long[] keys, int[] counts, int secondCount, int rows) {
        this.keys = keys;
        this.counts = counts;
        this.secondCount = secondCount;
        this.rows = rows;
    }

    static CrossTab of(int[] first, int firstCount, int[] second, int secondCount) {
        int n = first.length;
        long cells = (long) firstCount * secondCount;
        if (cells <= DENSE_LIMIT) {
            int[] dense = new int[(int) cells];
            for (int i = 0; i < n; i++) {
                dense[first[i] * secondCount + second[i]]++;
            }
            int nonEmpty = 0;
            for (int count : dense) {
                if (count > 0) {
                    nonEmpty++;
                }
            }
            long[] keys = new long[nonEmpty];
            int[] counts = new int[nonEmpty];
            int k = 0;
            for (int cell = 0; cell < dense.length; cell++) {
                if (dense[cell] > 0) {
                    keys[k] = cell;
                    counts[k++] = dense[cell];
                }
            }
            return new CrossTab(keys, counts, secondCount, n);
        }
        long[] all = new long[n];
        for (int i = 0; i < n; i++) {
            all[i] = (long) first[i] * secondCount + second[i];
        }
        Arrays.sort(all);
        long[] keys = new long[n];
        int[] counts = new int[n];
        int k = -1;
        for (int i = 0; i < n; i++) {
            if (k < 0 || keys[k] != all[i]) {
                keys[++k] = all[i];
            }
            counts[k]++;
        }
        return new CrossTab(Arrays.copyOf(keys, k + 1), Arrays.copyOf(counts, k + 1), secondCount, n);
    }

    /**
     * Total variation distance {@code 0.5 * sum |p - q|} between the normalised tables; both must use the same codes.
     * An empty table is at distance 1 from a non-empty one and 0 from another empty one.
     */
    static double totalVariation(CrossTab p, CrossTab q) {
        if (p.rows == 0 || q.rows == 0) {
            return p.rows == q.rows ? 0 : 1;
        }
        double np = p.rows;
        double nq = q.rows;
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < p.keys.length || j < q.keys.length) {
            if (j >= q.keys.length || (i < p.keys.length && p.keys[i] < q.keys[j])) {
                sum += p.counts[i++] / np;
            } else if (i >= p.keys.length || q.keys[j] < p.keys[i]) {
                sum += q.counts[j++] / nq;
            } else {
                sum += Math.abs(p.counts[i++] / np - q.counts[j++] / nq);
            }
        }
        return Math.min(1.0, 0.5 * sum);
    }

    /**
     * Cramér's V (without bias correction) of this table: 0 for independence, 1 for a perfect association. A table
     * with a single row or column category has no association to speak of and gets 0.
     */
    double cramersV(int firstCount) {
        if (rows == 0) {
            return 0;
        }
        long[] firstTotals = new long[firstCount];
        long[] secondTotals = new long[secondCount];
        for (int c = 0; c < keys.length; c++) {
            firstTotals[(int) (keys[c] / secondCount)] += counts[c];
            secondTotals[(int) (keys[c] % secondCount)] += counts[c];
        }
        int firstLevels = nonZero(firstTotals);
        int secondLevels = nonZero(secondTotals);
        int smaller = Math.min(firstLevels, secondLevels);
        if (smaller < 2) {
            return 0;
        }
        // chi2 = n * (sum O^2 / (r_i c_j) - 1): only non-empty cells contribute to the sum.
        double sum = 0;
        for (int c = 0; c < keys.length; c++) {
            double observed = counts[c];
            double expectedScale = (double) firstTotals[(int) (keys[c] / secondCount)]
                    * secondTotals[(int) (keys[c] % secondCount)];
            sum += observed * observed / expectedScale;
        }
        double chi2 = rows * Math.max(0, sum - 1);
        return Math.min(1.0, Math.sqrt(chi2 / ((double) rows * (smaller - 1))));
    }

    private static int nonZero(long[] totals) {
        int n = 0;
        for (long t : totals) {
            if (t > 0) {
                n++;
            }
        }
        return n;
    }
}
