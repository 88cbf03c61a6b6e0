package io.shadowfeed.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shadowfeed.trainer.data.DataTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtilityEvaluatorTest {

    @Test
    void realDataReachesThePublishedF1AndBrokenSyntheticDataDoesNot() {
        List<DataTable> parts = AdultTables.split(4, 20000, 6000);
        DataTable training = parts.get(0);
        DataTable holdout = parts.get(1);
        DataTable shuffled = Tables.shuffleEachColumn(training, 4);
        UtilityScores scores = UtilityEvaluator.builder().setTarget("income").optMaxTrainingRows(12000).build()
                .evaluate(training, shuffled, holdout);

        assertThat(scores.positiveClass()).isEqualTo(">50K");
        assertThat(scores.f1Average()).isEqualTo("binary");
        assertThat(scores.trtrF1()).isBetween(0.55, 0.75);
        assertThat(scores.trtrAccuracy()).isBetween(0.80, 0.90);
        // Independent columns carry no signal about income: F1 collapses.
        assertThat(scores.tstrF1()).isLessThan(scores.trtrF1() - 0.2);
        assertThat(scores.trainingRows()).isEqualTo(12000);
        assertThat(scores.syntheticRows()).isEqualTo(12000);
        assertThat(scores.holdoutRows()).isEqualTo(6000);
        assertThat(scores.classifier()).startsWith("logistic regression");
    }

    @Test
    void multiClassTargetUsesMacroF1AndRepeats() {
        List<DataTable> parts = AdultTables.split(5, 3000, 1000);
        UtilityEvaluator evaluator = UtilityEvaluator.builder().setTarget("relationship")
                .optClassifier(UtilityClassifier.DECISION_TREE).build();
        UtilityScores first = evaluator.evaluate(parts.get(0), parts.get(0), parts.get(1));
        UtilityScores second = evaluator.evaluate(parts.get(0), parts.get(0), parts.get(1));
        assertThat(first.positiveClass()).isNull();
        assertThat(first.f1Average()).isEqualTo("macro");
        assertThat(first.trtrF1()).isBetween(0.2, 0.9);
        assertThat(first).isEqualTo(second);
        assertThat(first.tstrF1()).isEqualTo(first.trtrF1());
    }

    @Test
    void f1IsComputedForThePositiveClass() {
        String[] truth = {"y", "y", "y", "n", "n"};
        String[] predicted = {"y", "n", "y", "y", "n"};
        // tp 2, fp 1, fn 1: 2 * 2 / (4 + 1 + 1).
        assertThat(UtilityEvaluator.f1(truth, predicted, "y")).isEqualTo(4.0 / 6);
        assertThat(UtilityEvaluator.accuracy(truth, predicted)).isEqualTo(0.6);
    }

    @Test
    void targetMustBeACategoricalColumn() {
        DataTable adult = AdultTables.adult();
        assertThatThrownBy(() -> UtilityEvaluator.builder().setTarget("age").build().evaluate(adult, adult, adult))
                .isInstanceOf(IncompatibleTablesException.class)
                .hasMessage("the utility target needs a categorical column, but 'age' is CONTINUOUS");
        assertThatThrownBy(() -> UtilityEvaluator.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("setTarget");
    }
}
