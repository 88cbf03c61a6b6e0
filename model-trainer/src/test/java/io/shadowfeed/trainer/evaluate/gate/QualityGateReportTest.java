package io.shadowfeed.trainer.evaluate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.evaluate.EvaluationReport;
import io.shadowfeed.trainer.evaluate.Evaluator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gate applied to real reports: a copied table fails, an independent sample of the population passes. */
class QualityGateReportTest {

    @Test
    void copiedTrainingDataFailsAndFreshRowsPass() {
        DataTable training = table(1, 800);
        DataTable holdout = table(2, 800);
        DataTable fresh = table(3, 800);
        Evaluator evaluator = Evaluator.builder().build();
        QualityGate gate = new QualityGate(GateThresholds.defaults());

        GateVerdict copied = gate.check(evaluator.evaluate(training, training, holdout));
        assertThat(copied.passed()).isFalse();
        assertThat(copied.failedChecks()).extracting(GateCheck::metric)
                .containsExactly("exact_match_rate", "dcr_share");

        EvaluationReport freshReport = evaluator.evaluate(training, fresh, holdout);
        GateVerdict verdict = gate.check(freshReport);
        assertThat(verdict.passed()).as(verdict.failureSummary()).isTrue();

        GateVerdict noHoldout = gate.check(evaluator.evaluate(training, fresh, null));
        assertThat(noHoldout.failureSummary()).isEqualTo("dcr_share not measured (no holdout given)");
    }

    /** Two correlated continuous columns and a category depending on them; continuous values never repeat. */
    private static DataTable table(long seed, int rows) {
        Random random = new Random(seed);
        double[] x = new double[rows];
        double[] y = new double[rows];
        String[] c = new String[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = random.nextGaussian();
            y[i] = 0.6 * x[i] + 0.8 * random.nextGaussian();
            c[i] = x[i] + random.nextGaussian() > 0 ? "high" : "low";
        }
        return DataTable.builder()
                .addNumeric("x", ColumnKind.CONTINUOUS, x)
                .addNumeric("y", ColumnKind.CONTINUOUS, y)
                .addCategorical("c", ColumnKind.DISCRETE, c)
                .build();
    }
}
