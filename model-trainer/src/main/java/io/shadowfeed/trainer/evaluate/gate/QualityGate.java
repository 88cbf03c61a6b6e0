package io.shadowfeed.trainer.evaluate.gate;

import io.shadowfeed.trainer.evaluate.EvaluationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a synthetic table may be published: every set threshold of {@link GateThresholds} is checked
 * against the report's headline metrics. Fails closed: a threshold on a metric the report could not measure (no
 * holdout, no target) is a failed check. The exact-match limit may rise to the holdout's own exact-match rate (see
 * {@link GateThresholds}).
 */
public final class QualityGate {
    private final GateThresholds thresholds;

    public QualityGate(GateThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public GateThresholds thresholds() {
        return thresholds;
    }

    public GateVerdict check(EvaluationReport report) {
        Objects.requireNonNull(report, "report");
        return check(report.headlineMetrics(), report.unavailable());
    }

    /**
     * Checks metrics given by their report names ({@code quality}, {@code dcr_share}, ...); {@code reasons} says why
     * absent metrics are absent (may be empty).
     */
    public GateVerdict check(Map<String, Double> metrics, Map<String, String> reasons) {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(reasons, "reasons");
        List<GateCheck> checks = new ArrayList<>();
        add(checks, EvaluationReport.QUALITY, Comparison.AT_LEAST, thresholds.minQuality(), metrics, reasons);
        add(checks, EvaluationReport.COLUMN_SHAPES, Comparison.AT_LEAST, thresholds.minColumnShapes(), metrics,
                reasons);
        add(checks, EvaluationReport.COLUMN_PAIR_TRENDS, Comparison.AT_LEAST, thresholds.minColumnPairTrends(),
                metrics, reasons);
        exactMatch(checks, metrics, reasons);
        add(checks, EvaluationReport.DCR_SHARE, Comparison.AT_MOST, thresholds.maxDcrShare(), metrics, reasons);
        add(checks, EvaluationReport.TSTR_F1, Comparison.AT_LEAST, thresholds.minTstrF1(), metrics, reasons);
        return new GateVerdict(checks.stream().allMatch(GateCheck::passed), checks);
    }

    private void exactMatch(List<GateCheck> checks, Map<String, Double> metrics, Map<String, String> reasons) {
        Double limit = thresholds.maxExactMatchRate();
        if (limit == null) {
            return;
        }
        String metric = EvaluationReport.EXACT_MATCH_RATE;
        Double baseline = measured(metrics, EvaluationReport.HOLDOUT_EXACT_MATCH_RATE);
        Double actual = measured(metrics, metric);
        if (actual != null && thresholds.exactMatchUpToHoldoutRate() && baseline != null && baseline > limit) {
            checks.add(GateCheck.of(metric, Comparison.AT_MOST, baseline, actual,
                    "limit raised from " + limit + " to the holdout's exact-match rate"));
        } else {
            checks.add(GateCheck.of(metric, Comparison.AT_MOST, limit, actual, reasons.get(metric)));
        }
    }

    private static Double measured(Map<String, Double> metrics, String name) {
        Double value = metrics.get(name);
        return value == null || Double.isNaN(value) ? null : value;
    }

    private static void add(List<GateCheck> checks, String metric, Comparison comparison, Double threshold,
            Map<String, Double> metrics, Map<String, String> reasons) {
        if (threshold != null) {
            Double actual = measured(metrics, metric);
            checks.add(GateCheck.of(metric, comparison, threshold, actual, reasons.get(metric)));
        }
    }
}
