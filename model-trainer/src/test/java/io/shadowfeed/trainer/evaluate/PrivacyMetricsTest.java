package io.shadowfeed.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrivacyMetricsTest {
    private static final DistanceToClosestRecord DCR = DistanceToClosestRecord.builder().build();

    @Test
    void copyOfTheTrainingDataIsCaught() {
        List<DataTable> parts = AdultTables.split(2, 5000, 5000);
        DataTable training = parts.get(0);
        assertThat(new ExactMatchRate().compute(training, training)).isEqualTo(1.0);
        DcrScores scores = DCR.compute(training, training, parts.get(1));
        assertThat(scores.share()).isGreaterThan(0.9);
        assertThat(scores.overfittingProtection()).isLessThan(0.2);
        assertThat(scores.medianDistanceToTraining()).isEqualTo(0.0);
        assertThat(scores.nndrP05()).isEqualTo(0.0);
        assertThat(scores.trainingSample()).isEqualTo(5000);
        assertThat(scores.holdoutSample()).isEqualTo(5000);
        assertThat(scores.syntheticSample()).isEqualTo(2000);
    }

    @Test
    void unseenRealRowsLookLikeAHoldout() {
        List<DataTable> parts = AdultTables.split(3, 10000, 10000, 10000);
        DataTable training = parts.get(0);
        DataTable holdout = parts.get(1);
        DataTable unseen = parts.get(2);
        DcrScores scores = DCR.compute(training, unseen, holdout);
        assertThat(scores.share()).isBetween(0.4, 0.6);
        assertThat(scores.overfittingProtection()).isGreaterThan(0.8);
        assertThat(scores.trainingSample()).isEqualTo(5000);
        assertThat(scores.medianDistanceToTraining()).isGreaterThan(0.0);
        assertThat(scores.nndrMedian()).isGreaterThan(0.5);

        // Adult repeats a few rows; unseen rows match training rows at about the rate the holdout does.
        double unseenRate = new ExactMatchRate().compute(training, unseen);
        double holdoutRate = new ExactMatchRate().compute(training, holdout);
        assertThat(unseenRate).isLessThan(0.01);
        assertThat(unseenRate).isCloseTo(holdoutRate, within(0.003));
    }

    @Test
    void handComputedShareAndRatios() {
        // Range 10 from training. s = 0: training 0 at 0, holdout 2 at .2 -> closer to training (1).
        // s = 10: training 10 and holdout 10 both at 0 -> tie (0.5). Share .75, protection min(2 * .25, 1) = .5.
        // NNDR: both synthetic rows sit on one training row with the other at distance 1 -> ratios 0.
        DataTable training = Tables.numeric("x", 0, 10);
        DataTable holdout = Tables.numeric("x", 2, 10);
        DataTable synthetic = Tables.numeric("x", 0, 10);
        DcrScores scores = DCR.compute(training, synthetic, holdout);
        assertThat(scores.share()).isEqualTo(0.75);
        assertThat(scores.overfittingProtection()).isEqualTo(0.5);
        assertThat(scores.nndrMedian()).isEqualTo(0.0);
        assertThat(scores.medianDistanceToHoldout()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void distanceAveragesColumnsAndTreatsNullsAsValues() {
        DataTable training = DataTable.builder()
                .addNumeric("x", ColumnKind.CONTINUOUS, new double[] {0, 10, Double.NaN})
                .addCategorical("c", ColumnKind.DISCRETE, new String[] {"a", "b", null})
                .build();
        DataTable synthetic = DataTable.builder()
                .addNumeric("x", ColumnKind.CONTINUOUS, new double[] {Double.NaN})
                .addCategorical("c", ColumnKind.DISCRETE, new String[] {"a"})
                .build();
        // To (0, a): null vs value 1 + 0 -> .5; to (10, b): 1 + 1 -> 1; to (null, null): 0 + 1 -> .5.
        DcrScores scores = DCR.compute(training, synthetic, null);
        assertThat(scores.medianDistanceToTraining()).isEqualTo(0.5);
        assertThat(scores.nndrMedian()).isEqualTo(1.0);
        assertThat(scores.share()).isNull();
        assertThat(scores.holdoutSample()).isNull();
        // Outside the real range, a numeric difference counts at most 1.
        DcrScores far = DCR.compute(Tables.numeric("x", 0, 1), Tables.numeric("x", 100), null);
        assertThat(far.medianDistanceToTraining()).isEqualTo(1.0);
    }

    @Test
    void exactMatchComparesModelledColumnsOnly() {
        DataTable training = DataTable.builder()
                .addCategorical("id", ColumnKind.IDENTIFIER, new String[] {"1", "2"})
                .addNumeric("x", ColumnKind.CONTINUOUS, new double[] {0.5, Double.NaN})
                .addCategorical("c", ColumnKind.DISCRETE, new String[] {"a", null})
                .build();
        DataTable synthetic = DataTable.builder()
                .addNumeric("x", ColumnKind.CONTINUOUS, new double[] {0.5, Double.NaN, 0.5, -0.0})
                .addCategorical("c", ColumnKind.DISCRETE, new String[] {"a", null, null, "a"})
                .build();
        assertThat(new ExactMatchRate().compute(training, synthetic)).isEqualTo(0.5);
    }

    @Test
    void missingColumnIsNamed() {
        DataTable training = DataTable.builder()
                .addNumeric("x", ColumnKind.CONTINUOUS, new double[] {1, 2})
                .addCategorical("c", ColumnKind.DISCRETE, new String[] {"a", "b"})
                .build();
        assertThatThrownBy(() -> DCR.compute(training, Tables.numeric("x", 1), null))
                .isInstanceOf(IncompatibleTablesException.class)
                .hasMessageStartingWith("the synthetic table has no column 'c' (the real table models it)");
        assertThatThrownBy(() -> new ExactMatchRate().compute(training, Tables.categorical("x", "1")))
                .isInstanceOf(IncompatibleTablesException.class)
                .hasMessage("column 'x' is DISCRETE in the synthetic table but CONTINUOUS in the real table; "
                        + "give both the same kind");
    }

    @Test
    void sampleIsDeterministicAndDistinct() {
        int[] first = RowSampling.sample(100, 30, new Random(1));
        int[] second = RowSampling.sample(100, 30, new Random(1));
        assertThat(first).containsExactly(second).doesNotHaveDuplicates();
        assertThat(RowSampling.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
    }
}
