package io.shadowfeed.trainer.evaluate.html;

import io.shadowfeed.trainer.evaluate.ColumnDistribution;
import io.shadowfeed.trainer.train.LossHistory;
import java.util.List;
import java.util.Locale;

/** The report's inline SVG plots, drawn from aggregates only. */
final class Plots {
    static final String REAL = "#1f77b4";
    static final String SYNTHETIC = "#ff7f0e";
    private static final String AXIS = "#555";
    private static final String MISSING = "#d9d9d9";

    private Plots() {
    }

    /** Overlaid histograms of a numeric column (real and synthetic, translucent). */
    static String histogram(ColumnDistribution d) {
        double width = 440;
        double height = 230;
        double left = 48;
        double right = 12;
        double top = 12;
        double bottom = 48;
        double plotWidth = width - left - right;
        double plotHeight = height - top - bottom;
        int bins = d.labels().size();
        double max = maxShare(d);
        Svg svg = new Svg("distribution", width, height, "distribution of " + d.column());
        svg.line(left, top + plotHeight, left + plotWidth, top + plotHeight, AXIS);
        svg.line(left, top, left, top + plotHeight, AXIS);
        double barWidth = plotWidth / Math.max(1, bins);
        for (int b = 0; b < bins; b++) {
            double x = left + b * barWidth;
            double real = d.realShares().get(b);
            double synthetic = d.syntheticShares().get(b);
            String title = d.labels().get(b) + ": real " + Html.percent(real) + ", synthetic "
                    + Html.percent(synthetic);
            double realHeight = real / max * plotHeight;
            double syntheticHeight = synthetic / max * plotHeight;
            svg.rect(x + 0.5, top + plotHeight - realHeight, barWidth - 1, realHeight, REAL, 0.55, title);
            svg.rect(x + 0.5, top + plotHeight - syntheticHeight, barWidth - 1, syntheticHeight, SYNTHETIC, 0.55,
                    title);
        }
        svg.text(left - 4, top + 8, Html.percent(max), "end", 10, 0);
        svg.text(left - 4, top + plotHeight, "0%", "end", 10, 0);
        List<Double> edges = d.binEdges();
        if (!edges.isEmpty()) {
            svg.text(left, top + plotHeight + 14, edge(edges.get(0)), "start", 10, 0);
            svg.text(left + plotWidth / 2, top + plotHeight + 14, edge(edges.get(edges.size() / 2)), "middle", 10,
                    0);
            svg.text(left + plotWidth, top + plotHeight + 14, edge(edges.get(edges.size() - 1)), "end", 10, 0);
        }
        svg.text(left, height - 8, nulls(d), "start", 10, 0);
        legend(svg, width - right - 150, height - 12);
        return svg.end();
    }

    /** Side-by-side horizontal bars per category (real above synthetic), most frequent real categories first. */
    static String categoryBars(ColumnDistribution d) {
        int rows = d.labels().size();
        double labelWidth = 150;
        double barArea = 250;
        double rowHeight = 18;
        double top = 8;
        double width = labelWidth + barArea + 60;
        double height = top + rows * rowHeight + 40;
        double max = maxShare(d);
        Svg svg = new Svg("distribution", width, height, "distribution of " + d.column());
        svg.line(labelWidth, top, labelWidth, top + rows * rowHeight, AXIS);
        for (int i = 0; i < rows; i++) {
            double y = top + i * rowHeight;
            String label = d.labels().get(i);
            double real = d.realShares().get(i);
            double synthetic = d.syntheticShares().get(i);
            String title = label + ": real " + Html.percent(real) + ", synthetic " + Html.percent(synthetic);
            svg.text(labelWidth - 4, y + 12, Html.shorten(label, 24), "end", 10, 0);
            svg.rect(labelWidth, y + 2, real / max * barArea, 7, REAL, 0.85, title);
            svg.rect(labelWidth, y + 9, synthetic / max * barArea, 7, SYNTHETIC, 0.85, title);
            svg.text(labelWidth + Math.max(real, synthetic) / max * barArea + 4, y + 12, Html.percent(real), "start",
                    9, 0);
        }
        svg.text(4, height - 8, nulls(d), "start", 10, 0);
        legend(svg, width - 160, height - 12);
        return svg.end();
    }

    /**
     * A square matrix as a heat-map: {@code values[i][j]} in [-1, 1] (null: undefined, grey), blue for negative, red
     * for positive.
     */
    static String heatMap(String label, List<String> names, Double[][] values) {
        return heatMap(label, names, values, false);
    }

    /**
     * Scores in [0, 1] as a heat-map that flags the weak cells: white at 1, turning red towards 0.5 and below (pair
     * scores cluster near 1, where a diverging scale would paint every cell alike).
     */
    static String scoreMap(String label, List<String> names, Double[][] scores) {
        return heatMap(label, names, scores, true);
    }

    private static String heatMap(String label, List<String> names, Double[][] values, boolean scores) {
        int n = names.size();
        double cell = n <= 16 ? 28 : Math.max(10, 448.0 / n);
        double labelSpace = 118;
        double width = labelSpace + n * cell + 10;
        double height = labelSpace + n * cell + 10;
        Svg svg = new Svg("heatmap", width, height, label);
        for (int i = 0; i < n; i++) {
            String name = Html.shorten(names.get(i), 18);
            svg.text(labelSpace - 4, labelSpace + i * cell + cell / 2 + 3, name, "end", 10, 0);
            double x = labelSpace + i * cell + cell / 2 + 3;
            svg.text(x, labelSpace - 4, name, "start", 10, -60);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Double v = values[i][j];
                String title = names.get(i) + " / " + names.get(j) + ": " + (v == null ? "undefined"
                        : Html.number(v, 3));
                svg.rect(labelSpace + j * cell, labelSpace + i * cell, cell - 1, cell - 1,
                        v == null ? MISSING : scores ? diverging(Math.min(1, 2 * (1 - v))) : diverging(v), 1, title);
                if (v != null && cell >= 24) {
                    svg.text(labelSpace + j * cell + cell / 2, labelSpace + i * cell + cell / 2 + 3,
                            Html.number(v, 2).replace("0.", "."), "middle", 8, 0);
                }
            }
        }
        return svg.end();
    }

    /** Generator and critic loss per epoch. */
    static String losses(LossHistory history) {
        double width = 640;
        double height = 260;
        double left = 56;
        double right = 16;
        double top = 14;
        double bottom = 40;
        double plotWidth = width - left - right;
        double plotHeight = height - top - bottom;
        double[] generator = history.generator().stream().mapToDouble(Double::doubleValue).toArray();
        double[] critic = history.critic().stream().mapToDouble(Double::doubleValue).toArray();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] series : new double[][] {generator, critic}) {
            for (double v : series) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= 1;
            hi += 1;
        }
        Svg svg = new Svg("losses", width, height, "generator and critic loss per epoch");
        svg.line(left, top + plotHeight, left + plotWidth, top + plotHeight, AXIS);
        svg.line(left, top, left, top + plotHeight, AXIS);
        if (lo < 0 && hi > 0) {
            double zero = top + plotHeight - (0 - lo) / (hi - lo) * plotHeight;
            svg.line(left, zero, left + plotWidth, zero, "#bbb");
        }
        int epochs = history.epochs();
        polyline(svg, generator, lo, hi, left, top, plotWidth, plotHeight, REAL);
        polyline(svg, critic, lo, hi, left, top, plotWidth, plotHeight, SYNTHETIC);
        svg.text(left - 4, top + 8, Html.number(hi, 3), "end", 10, 0);
        svg.text(left - 4, top + plotHeight, Html.number(lo, 3), "end", 10, 0);
        svg.text(left, top + plotHeight + 14, "1", "start", 10, 0);
        svg.text(left + plotWidth, top + plotHeight + 14, Integer.toString(epochs), "end", 10, 0);
        svg.text(left + plotWidth / 2, top + plotHeight + 14, "epoch", "middle", 10, 0);
        svg.rect(left + 10, height - 14, 10, 10, REAL, 1, null);
        svg.text(left + 24, height - 5, "generator", "start", 10, 0);
        svg.rect(left + 100, height - 14, 10, 10, SYNTHETIC, 1, null);
        svg.text(left + 114, height - 5, "critic", "start", 10, 0);
        return svg.end();
    }

    private static void polyline(Svg svg, double[] series, double lo, double hi, double left, double top,
            double plotWidth, double plotHeight, String colour) {
        int n = series.length;
        int finite = 0;
        for (double v : series) {
            if (Double.isFinite(v)) {
                finite++;
            }
        }
        double[] xs = new double[finite];
        double[] ys = new double[finite];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(series[i])) {
                xs[k] = left + (n == 1 ? plotWidth / 2 : i * plotWidth / (n - 1));
                ys[k++] = top + plotHeight - (series[i] - lo) / (hi - lo) * plotHeight;
            }
        }
        svg.polyline(xs, ys, colour);
    }

    /** White at 0, red towards +1, blue towards -1. */
    static String diverging(double v) {
        double t = Math.max(-1, Math.min(1, v));
        int r;
        int g;
        int b;
        if (t >= 0) {
            r = 255;
            g = (int) Math.round(255 - t * (255 - 60));
            b = (int) Math.round(255 - t * (255 - 50));
        } else {
            r = (int) Math.round(255 + t * (255 - 40));
            g = (int) Math.round(255 + t * (255 - 100));
            b = 255;
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static void legend(Svg svg, double x, double y) {
        svg.rect(x, y - 9, 10, 10, REAL, 0.85, null);
        svg.text(x + 14, y, "real", "start", 10, 0);
        svg.rect(x + 56, y - 9, 10, 10, SYNTHETIC, 0.85, null);
        svg.text(x + 70, y, "synthetic", "start", 10, 0);
    }

    private static String nulls(ColumnDistribution d) {
        return "nulls: real " + Html.percent(d.realNullShare()) + ", synthetic "
                + Html.percent(d.syntheticNullShare());
    }

    private static double maxShare(ColumnDistribution d) {
        double max = 0;
        for (int i = 0; i < d.labels().size(); i++) {
            max = Math.max(max, Math.max(d.realShares().get(i), d.syntheticShares().get(i)));
        }
        return max > 0 ? max : 1;
    }

    private static String edge(double value) {
        return Html.plain(value);
    }
}
