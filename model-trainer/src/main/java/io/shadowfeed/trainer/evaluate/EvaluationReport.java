package io.shadowfeed.trainer.evaluate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fidelity, privacy and utility of a synthetic table, as {@link Evaluator} computes it. The headline metrics
 * ({@link #headlineMetrics()}) are derived from the detail records, so they cannot disagree with them; in JSON
 * ({@link EvaluationReportJson}) they appear as top-level snake_case fields beside the details. A metric that could
 * not be measured is null, and {@link #unavailable()} says why, by metric name.
 *
 * <p>Only aggregates are kept: scores, sample sizes and per-column histograms. No row of any table is in here.
 *
 * @param formatVersion {@value #FORMAT_VERSION} for this layout
 * @param target the utility target column, or null when none was asked for
 * @param rowCounts rows of the real (training), synthetic and holdout tables
 * @param columnShapeDetails the Column Shapes property and per-column scores
 * @param columnPairDetails the Column Pair Trends property and per-pair scores
 * @param exactMatchRate share of synthetic rows identical to a training row
 * @param holdoutExactMatchRate the same for holdout rows: the rate real data shows by chance; null without a holdout
 * @param dcr distance-to-closest-record scores
 * @param utility TSTR / TRTR scores; null without a target or a holdout
 * @param unavailable metric name to the reason it is null
 * @param distributions per-column histograms of both tables, for plots
 */
@JsonIgnoreProperties(value = {"quality", "column_shapes", "column_pair_trends", "dcr_share",
        "dcr_overfitting_protection", "nndr_median", "tstr_f1", "trtr_f1", "utility_classifier"}, allowGetters = true)
public record EvaluationReport(int formatVersion, String target, RowCounts rowCounts,
        ColumnShapesScore columnShapeDetails, ColumnPairTrendsScore columnPairDetails, double exactMatchRate,
        Double holdoutExactMatchRate, DcrScores dcr, UtilityScores utility, Map<String, String> unavailable,
        List<ColumnDistribution> distributions) {
    public static final int FORMAT_VERSION = 1;

    public static final String QUALITY = "quality";
    public static final String COLUMN_SHAPES = "column_shapes";
    public static final String COLUMN_PAIR_TRENDS = "column_pair_trends";
    public static final String EXACT_MATCH_RATE = "exact_match_rate";
    public static final String HOLDOUT_EXACT_MATCH_RATE = "holdout_exact_match_rate";
    public static final String DCR_SHARE = "dcr_share";
    public static final String DCR_OVERFITTING_PROTECTION = "dcr_overfitting_protection";
    public static final String NNDR_MEDIAN = "nndr_median";
    public static final String TSTR_F1 = "tstr_f1";
    public static final String TRTR_F1 = "trtr_f1";

    public EvaluationReport {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("evaluation report format " + formatVersion
                    + " is not supported; this version reads format " + FORMAT_VERSION);
        }
        Objects.requireNonNull(rowCounts, "rowCounts");
        Objects.requireNonNull(columnShapeDetails, "columnShapeDetails");
        Objects.requireNonNull(columnPairDetails, "columnPairDetails");
        Scores.unit("exact match rate", exactMatchRate);
        Scores.unitOrNull("holdout exact match rate", holdoutExactMatchRate);
        Objects.requireNonNull(dcr, "dcr");
        unavailable = Map.copyOf(Objects.requireNonNull(unavailable, "unavailable"));
        distributions = List.copyOf(Objects.requireNonNull(distributions, "distributions"));
        if (utility != null && !utility.target().equals(target)) {
            throw new IllegalArgumentException(
                    "utility scores are for '" + utility.target() + "' but the report's target is '" + target + "'");
        }
    }

    /** Mean of Column Shapes and Column Pair Trends (Column Shapes alone when there are no pairs). */
    @JsonProperty(QUALITY)
    public double quality() {
        Double pairs = columnPairDetails.score();
        return pairs == null ? columnShapeDetails.score() : (columnShapeDetails.score() + pairs) / 2;
    }

    @JsonProperty(COLUMN_SHAPES)
    public double columnShapes() {
        return columnShapeDetails.score();
    }

    @JsonProperty(COLUMN_PAIR_TRENDS)
    public Double columnPairTrends() {
        return columnPairDetails.score();
    }

    @JsonProperty(DCR_SHARE)
    public Double dcrShare() {
        return dcr.share();
    }

    @JsonProperty(DCR_OVERFITTING_PROTECTION)
    public Double dcrOverfittingProtection() {
        return dcr.overfittingProtection();
    }

    @JsonProperty(NNDR_MEDIAN)
    public double nndrMedian() {
        return dcr.nndrMedian();
    }

    @JsonProperty(TSTR_F1)
    public Double tstrF1() {
        return utility == null ? null : utility.tstrF1();
    }

    @JsonProperty(TRTR_F1)
    public Double trtrF1() {
        return utility == null ? null : utility.trtrF1();
    }

    @JsonProperty("utility_classifier")
    public String utilityClassifier() {
        return utility == null ? null : utility.classifier();
    }

    /**
     * The measured headline metrics by their JSON names (what a {@code QualityGate} checks); metrics that could not
     * be measured are absent, their reason in {@link #unavailable()}.
     */
    public Map<String, Double> headlineMetrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(QUALITY, quality());
        metrics.put(COLUMN_SHAPES, columnShapes());
        putIfMeasured(metrics, COLUMN_PAIR_TRENDS, columnPairTrends());
        metrics.put(EXACT_MATCH_RATE, exactMatchRate);
        putIfMeasured(metrics, HOLDOUT_EXACT_MATCH_RATE, holdoutExactMatchRate);
        putIfMeasured(metrics, DCR_SHARE, dcrShare());
        putIfMeasured(metrics, DCR_OVERFITTING_PROTECTION, dcrOverfittingProtection());
        metrics.put(NNDR_MEDIAN, nndrMedian());
        putIfMeasured(metrics, TSTR_F1, tstrF1());
        putIfMeasured(metrics, TRTR_F1, trtrF1());
        return metrics;
    }

    private static void putIfMeasured(Map<String, Double> metrics, String name, Double value) {
        if (value != null) {
            metrics.put(name, value);
        }
    }
}
