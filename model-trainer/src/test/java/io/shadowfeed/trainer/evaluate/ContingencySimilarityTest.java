package io.shadowfeed.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContingencySimilarityTest {

    @Test
    void swappedAssociationScoresZero() {
        String[] first = {"a", "a", "b", "b"};
        assertThat(ContingencySimilarity.score(first, new String[] {"x", "x", "y", "y"}, first,
                new String[] {"y", "y", "x", "x"})).isEqualTo(0.0);
    }

    @Test
    void halfTheL1DistanceOfTheJointTable() {
        // P: (a,x) .5, (b,y) .5; Q: (a,x) .25, (a,y) .25, (b,y) .5: 0.5 * (.25 + .25 + 0) = .25.
        assertThat(ContingencySimilarity.score(new String[] {"a", "a", "b", "b"}, new String[] {"x", "x", "y", "y"},
                new String[] {"a", "a", "b", "b"}, new String[] {"x", "y", "y", "y"})).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void numericColumnIsBinnedOverTheRealRangeAndSyntheticValuesClamped() {
        DataTable real = mixed(new double[] {0, 10}, "a", "b");
        // -5 falls in the first bin and 20 in the last, exactly where 0 and 10 fall.
        assertThat(new ContingencySimilarity().compute(real, mixed(new double[] {-5, 20}, "a", "b"), "n", "c"))
                .isEqualTo(1.0);
        assertThat(new ContingencySimilarity().compute(real, mixed(new double[] {10, 0}, "a", "b"), "n", "c"))
                .isEqualTo(0.0);
        // 4.9 is in bin 4 of [0, 10), not in bin 0: half the mass moves.
        assertThat(new ContingencySimilarity().compute(real, mixed(new double[] {4.9, 10}, "a", "b"), "n", "c"))
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void highCardinalityPairsMatchABruteForceCount() {
        Random random = new Random(5);
        int n = 4000;
        String[][] columns = new String[4][n];
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < n; i++) {
                // About 1500 categories per column: 2.25M cells, past the dense-table limit.
                columns[c][i] = Integer.toString(random.nextInt(1500));
            }
        }
        double expected = bruteForce(columns[0], columns[1], columns[2], columns[3]);
        assertThat(ContingencySimilarity.score(columns[0], columns[1], columns[2], columns[3]))
                .isCloseTo(expected, within(1e-12));
    }

    private static double bruteForce(String[] ra, String[] rb, String[] sa, String[] sb) {
        Map<String, Double> p = new HashMap<>();
        Map<String, Double> q = new HashMap<>();
        for (int i = 0; i < ra.length; i++) {
            p.merge(ra[i] + "|" + rb[i], 1.0 / ra.length, Double::sum);
        }
        for (int i = 0; i < sa.length; i++) {
            q.merge(sa[i] + "|" + sb[i], 1.0 / sa.length, Double::sum);
        }
        Set<String> keys = new HashSet<>(p.keySet());
        keys.addAll(q.keySet());
        double sum = 0;
        for (String key : keys) {
            sum += Math.abs(p.getOrDefault(key, 0.0) - q.getOrDefault(key, 0.0));
        }
        return 1 - 0.5 * sum;
    }

    private static DataTable mixed(double[] numbers, String... categories) {
        return DataTable.builder()
                .addNumeric("n", ColumnKind.CONTINUOUS, numbers)
                .addCategorical("c", ColumnKind.DISCRETE, categories)
                .build();
    }
}
