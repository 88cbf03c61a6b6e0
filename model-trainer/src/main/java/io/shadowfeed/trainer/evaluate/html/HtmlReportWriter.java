package io.shadowfeed.trainer.evaluate.html;

import io.shadowfeed.trainer.evaluate.ColumnDistribution;
import io.shadowfeed.trainer.evaluate.ColumnPairTrend;
import io.shadowfeed.trainer.evaluate.ColumnShape;
import io.shadowfeed.trainer.evaluate.DcrScores;
import io.shadowfeed.trainer.evaluate.EvaluationReport;
import io.shadowfeed.trainer.train.LossHistory;
import io.shadowfeed.trainer.evaluate.UtilityScores;
import io.shadowfeed.trainer.evaluate.gate.GateCheck;
import io.shadowfeed.trainer.evaluate.gate.GateVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders an {@link EvaluationReport} as one self-contained HTML file: inline CSS and SVG, no script, nothing
 * fetched, so it opens on an offline machine. It shows the headline metrics, the gate verdict and the loss curves
 * when given, per-column real-versus-synthetic distributions and the association matrices of both tables. Everything
 * comes from the report's aggregates; every string is escaped.
 */
public final class HtmlReportWriter {
    private final String title;

    private HtmlReportWriter(Builder builder) {
        this.title = builder.title;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param verdict the gate's verdict on this report, or null
     * @param losses the training losses, or null
     */
    public String render(EvaluationReport report, GateVerdict verdict, LossHistory losses) {
        Objects.requireNonNull(report, "report");
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        html.append("<p class=\"meta\">").append(rowsLine(report)).append("</p>\n");
        if (verdict != null) {
            verdict(html, verdict);
        }
        headline(html, report);
        if (losses != null) {
            html.append("<h2>Training losses</h2>\n<div class=\"plot\">").append(Plots.losses(losses))
                    .append("</div>\n");
        }
        shapes(html, report);
        pairs(html, report);
        privacy(html, report.dcr());
        if (report.utility() != null) {
            utility(html, report.utility());
        }
        html.append("<p class=\"meta\">Evaluation report format ").append(report.formatVersion())
                .append(". Scores follow SDMetrics' quality report definitions; only aggregates of the data are "
                        + "shown.</p>\n</body>\n</html>\n");
        return html.toString();
    }

    public void write(Path file, EvaluationReport report, GateVerdict verdict, LossHistory losses) {
        try {
            Files.writeString(file, render(report, verdict, losses), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report to " + file, e);
        }
    }

    private static String rowsLine(EvaluationReport report) {
        StringBuilder line = new StringBuilder();
        line.append("Real rows: ").append(report.rowCounts().real()).append(" &middot; synthetic rows: ")
                .append(report.rowCounts().synthetic()).append(" &middot; holdout rows: ")
                .append(report.rowCounts().holdout() == null ? "none" : report.rowCounts().holdout());
        if (report.target() != null) {
            line.append(" &middot; utility target: <code>").append(Html.escape(report.target())).append("</code>");
        }
        return line.toString();
    }

    private static void verdict(StringBuilder html, GateVerdict verdict) {
        html.append("<div class=\"verdict ").append(verdict.passed() ? "pass" : "fail").append("\">Quality gate: ")
                .append(verdict.passed() ? "PASSED" : "FAILED");
        if (!verdict.passed()) {
            html.append(" &mdash; ").append(Html.escape(verdict.failureSummary()));
        }
        html.append("</div>\n<table>\n<tr><th>metric</th><th>actual</th><th>rule</th><th>result</th></tr>\n");
        for (GateCheck check : verdict.checks()) {
            html.append("<tr><td>").append(Html.escape(check.metric())).append("</td><td>")
                    .append(check.actual() == null ? "not measured: " + Html.escape(check.note())
                            : Html.number(check.actual(), 4)
                                    + (check.note() == null ? "" : " <span class=\"na\">(" + Html.escape(check.note())
                                            + ")</span>"))
                    .append("</td><td>").append(Html.escape(check.comparison().symbol())).append(' ')
                    .append(Html.number(check.threshold(), 4)).append("</td><td class=\"")
                    .append(check.passed() ? "ok\">pass" : "bad\">fail").append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void headline(StringBuilder html, EvaluationReport report) {
        html.append("<h2>Headline metrics</h2>\n<table>\n<tr><th>metric</th><th>value</th><th>reading</th></tr>\n");
        Map<String, Double> metrics = report.headlineMetrics();
        for (String[] row : HEADLINES) {
            String name = row[0];
            Double value = metrics.get(name);
            html.append("<tr><td>").append(Html.escape(name)).append("</td><td>");
            if (value == null) {
                String reason = report.unavailable().get(name);
                html.append("<span class=\"na\">n/a").append(reason == null ? "" : " (" + Html.escape(reason) + ")")
                        .append("</span>");
            } else {
                html.append(Html.number(value, 4));
            }
            html.append("</td><td>").append(Html.escape(row[1])).append("</td></tr>\n");
        }
        if (report.utilityClassifier() != null) {
            html.append("<tr><td>utility_classifier</td><td colspan=\"2\">")
                    .append(Html.escape(report.utilityClassifier())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void shapes(StringBuilder html, EvaluationReport report) {
        html.append("<h2>Column shapes</h2>\n<p>Score ").append(Html.number(report.columnShapes(), 4))
                .append(": KSComplement for numeric columns, TVComplement for categorical ones. Numeric plots bin "
                        + "the real range; synthetic values outside it are counted in the end bins.</p>\n");
        Map<String, ColumnShape> byColumn = new HashMap<>();
        for (ColumnShape shape : report.columnShapeDetails().columns()) {
            byColumn.put(shape.column(), shape);
        }
        html.append("<div class=\"grid\">\n");
        for (ColumnDistribution d : report.distributions()) {
            ColumnShape shape = byColumn.get(d.column());
            html.append("<div class=\"card\"><h3>").append(Html.escape(d.column())).append(" <small>")
                    .append(Html.escape(d.kind().name().toLowerCase(Locale.ROOT)));
            if (shape != null) {
                html.append(" &middot; ").append(Html.escape(shape.metric())).append(' ')
                        .append(Html.number(shape.score(), 3));
            }
            if (d.otherCategories() > 0) {
                html.append(" &middot; top ").append(d.labels().size() - 1).append(" categories");
            }
            html.append("</small></h3>\n").append(d.binEdges().isEmpty() ? Plots.categoryBars(d) : Plots.histogram(d))
                    .append("\n</div>\n");
        }
        html.append("</div>\n");
    }

    private static void pairs(StringBuilder html, EvaluationReport report) {
        List<ColumnPairTrend> trends = report.columnPairDetails().pairs();
        html.append("<h2>Column pair trends</h2>\n");
        if (trends.isEmpty()) {
            html.append("<p class=\"na\">No pairs: only one modelled column.</p>\n");
            return;
        }
        List<String> names = report.columnShapeDetails().columns().stream().map(ColumnShape::column).toList();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            position.put(names.get(i), i);
        }
        int n = names.size();
        Double[][] real = new Double[n][n];
        Double[][] synthetic = new Double[n][n];
        Double[][] scores = new Double[n][n];
        for (int i = 0; i < n; i++) {
            real[i][i] = 1.0;
            synthetic[i][i] = 1.0;
            scores[i][i] = 1.0;
        }
        for (ColumnPairTrend t : trends) {
            int i = position.get(t.first());
            int j = position.get(t.second());
            real[i][j] = real[j][i] = t.realAssociation();
            synthetic[i][j] = synthetic[j][i] = t.syntheticAssociation();
            scores[i][j] = scores[j][i] = t.score();
        }
        html.append("<p>Score ").append(Html.number(report.columnPairTrends(), 4))
                .append(": CorrelationSimilarity for two numeric columns, ContingencySimilarity otherwise (numeric "
                        + "columns in 10 bins of the real range). The matrices show Pearson's r for two numeric "
                        + "columns and Cram&eacute;r's V otherwise (red positive, blue negative, grey undefined)."
                        + "</p>\n<div class=\"grid\">\n");
        html.append("<div class=\"card\"><h3>Real data: association</h3>")
                .append(Plots.heatMap("association matrix of the real data", names, real)).append("</div>\n");
        html.append("<div class=\"card\"><h3>Synthetic data: association</h3>")
                .append(Plots.heatMap("association matrix of the synthetic data", names, synthetic))
                .append("</div>\n");
        html.append("<div class=\"card\"><h3>Pair trend scores <small>white 1, red 0.5 or less</small></h3>")
                .append(Plots.scoreMap("pair trend scores", names, scores)).append("</div>\n</div>\n");
    }

    private static void privacy(StringBuilder html, DcrScores dcr) {
        html.append("<h2>Privacy details</h2>\n<table>\n");
        row(html, "training / holdout / synthetic rows sampled", dcr.trainingSample() + " / "
                + (dcr.holdoutSample() == null ? "none" : dcr.holdoutSample()) + " / " + dcr.syntheticSample());
        row(html, "median distance to closest training row", Html.number(dcr.medianDistanceToTraining(), 4));
        row(html, "median distance to closest holdout row", dcr.medianDistanceToHoldout() == null ? "n/a"
                : Html.number(dcr.medianDistanceToHoldout(), 4));
        row(html, "NNDR 5th percentile", Html.number(dcr.nndrP05(), 4));
        html.append("</table>\n");
    }

    private static void utility(StringBuilder html, UtilityScores utility) {
        html.append("<h2>Utility (TSTR vs TRTR)</h2>\n<table>\n");
        row(html, "classifier", Html.escape(utility.classifier()));
        row(html, "F1", utility.positiveClass() == null ? "macro average over classes"
                : "of class <code>" + Html.escape(utility.positiveClass()) + "</code> (real minority)");
        row(html, "TSTR F1 / accuracy", Html.number(utility.tstrF1(), 4) + " / "
                + Html.number(utility.tstrAccuracy(), 4));
        row(html, "TRTR F1 / accuracy", Html.number(utility.trtrF1(), 4) + " / "
                + Html.number(utility.trtrAccuracy(), 4));
        row(html, "rows: real training / synthetic / holdout", utility.trainingRows() + " / "
                + utility.syntheticRows() + " / " + utility.holdoutRows());
        html.append("</table>\n");
    }

    /** A two-cell row; {@code value} must already be escaped. */
    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td>").append(Html.escape(label)).append("</td><td>").append(value).append("</td></tr>\n");
    }

    private static final String[][] HEADLINES = {
        {EvaluationReport.QUALITY, "mean of column shapes and column pair trends; 1 is a perfect match"},
        {EvaluationReport.COLUMN_SHAPES, "per-column distributions"},
        {EvaluationReport.COLUMN_PAIR_TRENDS, "relationships between pairs of columns"},
        {EvaluationReport.EXACT_MATCH_RATE, "synthetic rows identical to a training row; should be 0"},
        {EvaluationReport.HOLDOUT_EXACT_MATCH_RATE, "holdout rows identical to a training row: the chance rate"},
        {EvaluationReport.DCR_SHARE, "synthetic rows closer to training than to holdout; about 0.5 is no leak"},
        {EvaluationReport.DCR_OVERFITTING_PROTECTION, "min(2 (1 - share), 1); 1 is best"},
        {EvaluationReport.NNDR_MEDIAN, "nearest / second-nearest training distance; small values flag copying"},
        {EvaluationReport.TSTR_F1, "classifier trained on synthetic, tested on real holdout"},
        {EvaluationReport.TRTR_F1, "the same classifier trained on real training data"},
    };

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px; color: #222; }
            h1 { font-size: 22px; margin-bottom: 4px; }
            h2 { font-size: 18px; margin-top: 28px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            h3 { font-size: 14px; margin: 4px 0 6px; }
            h3 small { font-weight: normal; color: #666; }
            table { border-collapse: collapse; font-size: 13px; }
            th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; }
            th { background: #f4f4f4; }
            .meta { color: #666; font-size: 13px; }
            .na { color: #888; }
            .ok { color: #137333; font-weight: bold; }
            .bad { color: #b3261e; font-weight: bold; }
            .verdict { font-size: 16px; font-weight: bold; padding: 10px 14px; margin: 12px 0; border-radius: 4px; }
            .verdict.pass { background: #e6f4ea; color: #137333; }
            .verdict.fail { background: #fce8e6; color: #b3261e; }
            .grid { display: flex; flex-wrap: wrap; gap: 12px; }
            .card { border: 1px solid #e3e3e3; border-radius: 4px; padding: 8px; background: #fff; }
            svg text { font-family: inherit; fill: #333; }
            """;

    /** Options for the report's presentation. */
    public static final class Builder {
        private String title = "Synthetic data evaluation";

        private Builder() {
        }

        /** The page title and heading; default "Synthetic data evaluation". */
        public Builder optTitle(String title) {
            Objects.requireNonNull(title, "title");
            if (title.isBlank()) {
                throw new IllegalArgumentException("title must not be blank");
            }
            this.title = title;
            return this;
        }

        public HtmlReportWriter build() {
            return new HtmlReportWriter(this);
        }
    }
}
