package io.shadowfeed.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
    private static final List<String> REQUIRED_FIELDS = List.of("quality", "column_shapes", "column_pair_trends",
            "exact_match_rate", "dcr_share", "dcr_overfitting_protection", "nndr_median", "tstr_f1", "trtr_f1",
            "utility_classifier", "target", "row_counts", "column_shape_details", "column_pair_details",
            "holdout_exact_match_rate", "unavailable", "distributions", "format_version");

    @Test
    void fullReportOnAdultSplits() throws Exception {
        List<DataTable> parts = AdultTables.split(6, 12000, 4000, 6000);
        DataTable training = parts.get(0);
        DataTable holdout = parts.get(1);
        DataTable unseen = parts.get(2);
        EvaluationReport report = Evaluator.builder().optTarget("income").optMaxUtilityTrainingRows(6000).build()
                .evaluate(training, unseen, holdout);

        assertThat(report.quality()).isBetween(0.95, 1.0);
        assertThat(report.quality()).isEqualTo((report.columnShapes() + report.columnPairTrends()) / 2);
        assertThat(report.dcrShare()).isBetween(0.4, 0.6);
        assertThat(report.tstrF1()).isBetween(0.55, 0.75);
        assertThat(report.unavailable()).isEmpty();
        assertThat(report.rowCounts()).isEqualTo(new RowCounts(12000, 6000, 4000));
        assertThat(report.distributions()).hasSize(15);
        ColumnDistribution income = report.distributions().stream().filter(d -> d.column().equals("income"))
                .findFirst().orElseThrow();
        assertThat(income.labels()).containsExactly("<=50K", ">50K");
        assertThat(income.realShares().get(0)).isBetween(0.7, 0.8);
        ColumnDistribution country = report.distributions().stream()
                .filter(d -> d.column().equals("native_country")).findFirst().orElseThrow();
        assertThat(country.labels()).hasSize(21);
        assertThat(country.otherCategories()).isPositive();
        assertThat(country.realNullShare()).isPositive();
        ColumnDistribution age = report.distributions().stream().filter(d -> d.column().equals("age"))
                .findFirst().orElseThrow();
        assertThat(age.binEdges()).hasSize(21);
        assertThat(age.realShares().stream().mapToDouble(Double::doubleValue).sum() + age.realNullShare())
                .isCloseTo(1.0, within(1e-9));

        String json = EvaluationReportJson.toJson(report);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.fieldNames()).toIterable().containsAll(REQUIRED_FIELDS);
        assertThat(tree.get("quality").asDouble()).isEqualTo(report.quality());
        assertThat(tree.get("tstr_f1").asDouble()).isEqualTo(report.tstrF1());
        assertThat(tree.get("dcr").get("training_sample").asInt()).isEqualTo(4000);
        assertThat(tree.get("column_shape_details").get("columns").get(0).get("metric").asText())
                .isEqualTo("KSComplement");
        assertThat(EvaluationReportJson.fromJson(json)).isEqualTo(report);
    }

    @Test
    void withoutHoldoutDcrShareAndUtilityAreNullWithAReason(@TempDir Path dir) throws Exception {
        List<DataTable> parts = AdultTables.split(7, 3000, 3000);
        EvaluationReport report = Evaluator.builder().optTarget("income").build()
                .evaluate(parts.get(0), parts.get(1), null);
        assertThat(report.dcrShare()).isNull();
        assertThat(report.dcrOverfittingProtection()).isNull();
        assertThat(report.tstrF1()).isNull();
        assertThat(report.utility()).isNull();
        assertThat(report.nndrMedian()).isPositive();
        assertThat(report.exactMatchRate()).isLessThan(0.01);
        assertThat(report.unavailable()).containsEntry("dcr_share", "no holdout given")
                .containsEntry("tstr_f1", "no holdout given");
        assertThat(report.headlineMetrics()).doesNotContainKeys("dcr_share", "tstr_f1")
                .containsKeys("quality", "exact_match_rate", "nndr_median");

        Path file = dir.resolve("report.json");
        EvaluationReportJson.write(report, file);
        JsonNode tree = new ObjectMapper().readTree(Files.readString(file));
        assertThat(tree.get("dcr_share").isNull()).isTrue();
        assertThat(tree.get("tstr_f1").isNull()).isTrue();
        assertThat(EvaluationReportJson.read(file)).isEqualTo(report);
    }

    @Test
    void noTargetMeansNoUtility() {
        List<DataTable> parts = AdultTables.split(8, 2000, 2000, 2000);
        EvaluationReport report = Evaluator.builder().build().evaluate(parts.get(0), parts.get(1), parts.get(2));
        assertThat(report.target()).isNull();
        assertThat(report.dcrShare()).isNotNull();
        assertThat(report.unavailable()).containsEntry("tstr_f1", "no target given");
    }

    @Test
    void identicalTablesScoreQualityOne() {
        DataTable sample = AdultTables.split(9, 4000).get(0);
        EvaluationReport report = Evaluator.builder().build().evaluate(sample, sample, null);
        assertThat(report.quality()).isEqualTo(1.0);
        assertThat(report.exactMatchRate()).isEqualTo(1.0);
    }

    @Test
    void mismatchedTablesAreRejectedByName() {
        DataTable real = DataTable.builder()
                .addNumeric("x", ColumnKind.CONTINUOUS, new double[] {1, 2})
                .addCategorical("c", ColumnKind.DISCRETE, new String[] {"a", "b"})
                .build();
        DataTable synthetic = Tables.numeric("x", 1, 2);
        assertThatThrownBy(() -> Evaluator.builder().build().evaluate(real, synthetic, null))
                .isInstanceOf(IncompatibleTablesException.class)
                .hasMessageStartingWith("the synthetic table has no column 'c'");
        assertThatThrownBy(() -> Evaluator.builder().optTarget("x").build().evaluate(real, real, real))
                .isInstanceOf(IncompatibleTablesException.class)
                .hasMessage("the utility target needs a categorical column, but 'x' is CONTINUOUS");
        assertThatThrownBy(() -> Evaluator.builder().optTrainingRowCap(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trainingRowCap must be positive. Provided value: 0");
    }

    @Test
    void unknownFormatVersionIsRejected() {
        List<DataTable> parts = AdultTables.split(10, 500, 500);
        String json = EvaluationReportJson.toJson(Evaluator.builder().build().evaluate(parts.get(0), parts.get(1),
                null));
        String future = json.replace("\"format_version\" : 1", "\"format_version\" : 99");
        assertThat(future).isNotEqualTo(json);
        assertThatThrownBy(() -> EvaluationReportJson.fromJson(future))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evaluation report format 99 is not supported");
    }
}
