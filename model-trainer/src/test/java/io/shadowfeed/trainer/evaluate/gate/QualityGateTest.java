package io.shadowfeed.trainer.evaluate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityGateTest {
    private static final QualityGate DEFAULTS = new QualityGate(GateThresholds.defaults());

    @Test
    void goodMetricsPass() {
        GateVerdict verdict = DEFAULTS.check(
                Map.of("quality", 0.91, "exact_match_rate", 0.0, "dcr_share", 0.51), Map.of());
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.checks()).extracting(GateCheck::metric)
                .containsExactly("quality", "exact_match_rate", "dcr_share");
        assertThat(verdict.failureSummary()).isEmpty();
    }

    @Test
    void failuresAreSummarisedInOneLine() {
        GateVerdict verdict = DEFAULTS.check(
                Map.of("quality", 0.71, "exact_match_rate", 0.0, "dcr_share", 0.62), Map.of());
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failureSummary()).isEqualTo("quality 0.71 < 0.80; dcr_share 0.62 > 0.55");
        assertThat(verdict.failedChecks()).extracting(GateCheck::metric).containsExactly("quality", "dcr_share");
    }

    @Test
    void smallViolationsPrintWithEnoughDecimals() {
        GateVerdict verdict = DEFAULTS.check(
                Map.of("quality", 0.9, "exact_match_rate", 0.0004, "dcr_share", 0.5), Map.of());
        assertThat(verdict.failureSummary()).isEqualTo("exact_match_rate 0.0004 > 0.0000");
    }

    @Test
    void boundaryValuesPass() {
        assertThat(DEFAULTS.check(Map.of("quality", 0.80, "exact_match_rate", 0.0, "dcr_share", 0.55), Map.of())
                .passed()).isTrue();
    }

    @Test
    void missingMetricFailsClosedWithItsReason() {
        QualityGate gate = new QualityGate(GateThresholds.builder().minTstrF1(0.5).build());
        GateVerdict verdict = gate.check(Map.of("quality", 0.9, "exact_match_rate", 0.0),
                Map.of("dcr_share", "no holdout given", "tstr_f1", "no holdout given"));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failureSummary()).isEqualTo(
                "dcr_share not measured (no holdout given); tstr_f1 not measured (no holdout given)");
        GateCheck tstr = verdict.checks().get(3);
        assertThat(tstr.actual()).isNull();
        assertThat(tstr.comparison()).isEqualTo(Comparison.AT_LEAST);
    }

    @Test
    void exactMatchesUpToTheHoldoutRatePass() {
        Map<String, Double> metrics = Map.of("quality", 0.9, "exact_match_rate", 0.0005,
                "holdout_exact_match_rate", 0.0006, "dcr_share", 0.5);
        GateVerdict verdict = DEFAULTS.check(metrics, Map.of());
        assertThat(verdict.passed()).isTrue();
        GateCheck check = verdict.checks().get(1);
        assertThat(check.threshold()).isEqualTo(0.0006);
        assertThat(check.note()).isEqualTo("limit raised from 0.0 to the holdout's exact-match rate");

        GateVerdict above = DEFAULTS.check(Map.of("quality", 0.9, "exact_match_rate", 0.0007,
                "holdout_exact_match_rate", 0.0006, "dcr_share", 0.5), Map.of());
        assertThat(above.failureSummary()).isEqualTo("exact_match_rate 0.0007 > 0.0006");

        QualityGate strict = new QualityGate(GateThresholds.builder().exactMatchUpToHoldoutRate(false).build());
        assertThat(strict.check(metrics, Map.of()).failureSummary()).isEqualTo("exact_match_rate 0.0005 > 0.0000");
    }

    @Test
    void switchedOffChecksAreNotRun() {
        QualityGate gate = new QualityGate(GateThresholds.builder().maxDcrShare(null).maxExactMatchRate(null).build());
        GateVerdict verdict = gate.check(Map.of("quality", 0.85), Map.of());
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.checks()).hasSize(1);
    }

    @Test
    void thresholdsFromYaml(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gate.yaml");
        Files.writeString(file, "# stricter fidelity, utility required\nmin_quality: 0.9\nmin_tstr_f1: 0.5\n"
                + "max_dcr_share: ~\nexact_match_up_to_holdout_rate: false\n");
        GateThresholds thresholds = GateThresholds.read(file);
        assertThat(thresholds).isEqualTo(new GateThresholds(0.9, null, null, 0.0, null, 0.5, false));
    }

    @Test
    void thresholdsFromJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gate.json");
        Files.writeString(file, "{\"max_exact_match_rate\": 0.001, \"min_column_pair_trends\": 0.7}");
        assertThat(GateThresholds.read(file))
                .isEqualTo(new GateThresholds(0.80, null, 0.7, 0.001, 0.55, null, true));
    }

    @Test
    void emptyFileMeansDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gate.yml");
        Files.writeString(file, "");
        assertThat(GateThresholds.read(file)).isEqualTo(GateThresholds.defaults());
    }

    @Test
    void badFilesSayWhatToFix(@TempDir Path dir) throws IOException {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "min_qualty: 0.9\n");
        assertThatThrownBy(() -> GateThresholds.read(typo))
                .isInstanceOf(GateConfigException.class)
                .hasMessage(typo + ": unknown key 'min_qualty'; the keys are [min_quality, min_column_shapes, "
                        + "min_column_pair_trends, max_exact_match_rate, max_dcr_share, min_tstr_f1, "
                        + "exact_match_up_to_holdout_rate]");
        Path flag = dir.resolve("flag.yaml");
        Files.writeString(flag, "exact_match_up_to_holdout_rate: 1\n");
        assertThatThrownBy(() -> GateThresholds.read(flag))
                .isInstanceOf(GateConfigException.class)
                .hasMessage(flag + ": 'exact_match_up_to_holdout_rate' must be true or false");
        Path text = dir.resolve("text.yaml");
        Files.writeString(text, "min_quality: high\n");
        assertThatThrownBy(() -> GateThresholds.read(text))
                .isInstanceOf(GateConfigException.class)
                .hasMessage(text + ": 'min_quality' must be a number in [0, 1], or null to switch the check off");
        Path range = dir.resolve("range.yaml");
        Files.writeString(range, "max_dcr_share: 1.5\n");
        assertThatThrownBy(() -> GateThresholds.read(range))
                .isInstanceOf(GateConfigException.class)
                .hasMessage(range + ": max_dcr_share must be in [0, 1], or null to switch the check off. "
                        + "Provided value: 1.5");
        assertThatThrownBy(() -> GateThresholds.read(dir.resolve("absent.yaml")))
                .isInstanceOf(GateConfigException.class)
                .hasMessageEndingWith("absent.yaml does not exist");
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- 0.8\n");
        assertThatThrownBy(() -> GateThresholds.read(list))
                .isInstanceOf(GateConfigException.class)
                .hasMessageContaining("expected a mapping of thresholds");
    }

    @Test
    void verdictMustAgreeWithItsChecks() {
        GateCheck failed = GateCheck.of("quality", Comparison.AT_LEAST, 0.8, 0.5, null);
        assertThatThrownBy(() -> new GateVerdict(true, List.of(failed)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GateCheck("quality", Comparison.AT_LEAST, 0.8, 0.5, true, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
