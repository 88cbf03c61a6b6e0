package io.shadowfeed.trainer.evaluate.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.evaluate.AdultFixtures;
import io.shadowfeed.trainer.evaluate.EvaluationReport;
import io.shadowfeed.trainer.evaluate.Evaluator;
import io.shadowfeed.trainer.train.LossHistory;
import io.shadowfeed.trainer.evaluate.gate.GateThresholds;
import io.shadowfeed.trainer.evaluate.gate.GateVerdict;
import io.shadowfeed.trainer.evaluate.gate.QualityGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    @Test
    void adultReportHasAPlotPerColumnAndNoExternalResources() throws Exception {
        List<DataTable> parts = AdultFixtures.split(11, 20000, 5000, 7000);
        EvaluationReport report = Evaluator.builder().optTarget("income").optMaxUtilityTrainingRows(8000).build()
                .evaluate(parts.get(0), parts.get(2), parts.get(1));
        GateVerdict verdict = new QualityGate(GateThresholds.builder().minTstrF1(0.5).build()).check(report);
        LossHistory losses = LossHistory.empty();
        for (int e = 0; e < 60; e++) {
            losses = losses.plus(1.5 * Math.exp(-e / 15.0) - 0.4 + 0.05 * Math.sin(e),
                    -0.8 * Math.exp(-e / 20.0) + 0.03 * Math.cos(e));
        }
        String html = HtmlReportWriter.builder().optTitle("Adult: real holdout rows as synthetic").build()
                .render(report, verdict, losses);

        assertThat(count(html, "<svg class=\"distribution\"")).isEqualTo(15);
        assertThat(count(html, "<svg class=\"heatmap\"")).isEqualTo(3);
        assertThat(count(html, "<svg class=\"losses\"")).isEqualTo(1);
        // Real unseen rows: every check passes (exact matches stay within the holdout's chance rate).
        assertThat(verdict.passed()).as(verdict.failureSummary()).isTrue();
        assertThat(html).contains("Quality gate: PASSED", "tstr_f1", "native_country", "&lt;=50K");
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "src=", "@import");
        assertThat(count(html, "<svg")).isEqualTo(count(html, "</svg>"));
        // Kept for looking at: the module's build output, next to the test reports.
        Files.writeString(Path.of("target", "evaluation-report-adult.html"), html);
    }

    @Test
    void everyStringIsEscaped() {
        String hostile = "<script>alert(1)</script>";
        DataTable real = DataTable.builder()
                .addNumeric(hostile, ColumnKind.CONTINUOUS, new double[] {1, 2, 3, 4})
                .addCategorical("c\"'&", ColumnKind.DISCRETE, new String[] {"<b>x</b>", "y", "y", null})
                .build();
        EvaluationReport report = Evaluator.builder().build().evaluate(real, real, null);
        GateVerdict verdict = new QualityGate(GateThresholds.defaults()).check(report);
        String html = HtmlReportWriter.builder().optTitle("<i>title</i>").build().render(report, verdict, null);

        assertThat(html).doesNotContain("<script", "<b>x", "<i>title", "c\"'&");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;x&lt;/b&gt;",
                "c&quot;&#39;&amp;", "&lt;i&gt;title&lt;/i&gt;");
        assertThat(count(html, "<svg class=\"distribution\"")).isEqualTo(2);
        assertThat(html).contains("Quality gate: FAILED").contains("dcr_share not measured (no holdout given)");
        assertThat(html).doesNotContain("<svg class=\"losses\"");
    }

    @Test
    void singleColumnReportSaysThereAreNoPairs() {
        DataTable real = DataTable.builder().addNumeric("x", ColumnKind.CONTINUOUS, new double[] {1, 2, 3}).build();
        String html = HtmlReportWriter.builder().build()
                .render(Evaluator.builder().build().evaluate(real, real, null), null, null);
        assertThat(html).contains("No pairs: only one modelled column.").doesNotContain("Quality gate");
        assertThat(count(html, "<svg class=\"heatmap\"")).isZero();
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
