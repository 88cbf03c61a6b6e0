package io.shadowfeed.privacy.dp.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.privacy.dp.accounting.RdpAccountant;
import io.shadowfeed.privacy.dp.accounting.RdpConversion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LedgerRecordCodecTest {

    private static final double DELTA = 1e-5;

    private static List<String> formatOneLines() throws IOException {
        try (InputStream in = LedgerRecordCodecTest.class.getResourceAsStream("/dp/ledger/ledger-format-1.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void recordsWrittenInFormatOneStillReadTheSame() throws IOException {
        // written by this codec when format 1 was introduced; it must keep reading them as they were
        List<LedgerRecord> records = formatOneLines().stream().map(LedgerRecordCodec::decode).toList();

        assertThat(records.get(0)).isEqualTo(new BudgetDeclaration("adult", new PrivacyBudget(3, DELTA),
                Instant.parse("2025-01-15T09:30:00Z"), "ops"));
        LedgerEntry gaussian = (LedgerEntry) records.get(1);
        assertThat(gaussian.id()).isEqualTo("6f1c0d5e-2f4b-4c6e-9a51-0c3d2b1a7e10");
        assertThat(gaussian.sequence()).isEqualTo(1);
        assertThat(gaussian.mechanism()).isEqualTo("gaussian");
        assertThat(gaussian.parameters()).isEqualTo(Map.of("count", 1L, "noise_multiplier", 10.0));
        assertThat(gaussian.loss()).isEqualTo(new PrivacyLoss.Zcdp(0.005));
        assertThat(gaussian.epsilon().order()).isEqualTo(41.0);
        assertThat(gaussian.epsilon().conversion()).isEqualTo(RdpConversion.TIGHT);
        assertThat(gaussian.purpose()).isEqualTo("drift histogram");
        assertThat(gaussian.principal()).isEqualTo("drift-monitor");
        LedgerEntry trained = (LedgerEntry) records.get(2);
        assertThat(trained.parameters()).containsEntry("steps", 1000L).containsEntry("sampling", "poisson")
                .containsEntry("sampling_rate", 0.01);
        assertThat(trained.loss()).isEqualTo(new PrivacyLoss.Rdp(List.of(2.0, 8.0, 32.0),
                List.of(0.02, 0.1, Double.POSITIVE_INFINITY)));
        assertThat(trained.timestamp()).isEqualTo(Instant.parse("2025-01-16T08:00:00.123Z"));

        // and it composes: rho * alpha plus the curve bounded at the next larger order it has
        PrivacyLedger ledger = PrivacyLedger.builder().setStore(InMemoryLedgerStore.readOnlyWith(records))
                .setDataset("adult").build();
        double best = Double.POSITIVE_INFINITY;
        for (double order : RdpAccountant.DEFAULT_ORDERS) {
            double curve = order <= 2 ? 0.02 : order <= 8 ? 0.1 : Double.POSITIVE_INFINITY;
            best = Math.min(best, RdpConversion.TIGHT.epsilon(0.005 * order + curve, order, DELTA));
        }
        assertThat(ledger.spent().epsilon()).isCloseTo(best, within(1e-12));
        assertThat(ledger.spent().order()).isEqualTo(8.0);
    }

    @Test
    void encodingRoundTripsExactly() throws IOException {
        for (String line : formatOneLines()) {
            assertThat(LedgerRecordCodec.encode(LedgerRecordCodec.decode(line))).isEqualTo(line);
        }
        LedgerEntry entry = new LedgerEntry("e1", "a/b", 7, "subsampled_gaussian",
                Map.of("steps", 3, "rate", 0.25f, "note", "line\nbreak"),
                PrivacyLoss.subsampledGaussian(0.01, 0.8, 1000),
                new EpsilonGuarantee(1.5, DELTA, 12, RdpConversion.CLASSIC), "purpose with \"quotes\"",
                Instant.parse("2025-02-03T04:05:06.789012345Z"), "ünïcode");
        String line = LedgerRecordCodec.encode(entry);
        assertThat(line).doesNotContain("\n");
        assertThat(LedgerRecordCodec.decode(line)).isEqualTo(entry);
        assertThat(LedgerRecordCodec.key(entry)).isEqualTo("a/b/e1");
        assertThat(LedgerRecordCodec.datasetOfKey("a/b/e1")).isEqualTo("a/b");
    }

    @Test
    void whatIsNotARecordIsRefusedWithTheReason() throws IOException {
        String budget = formatOneLines().get(0);
        assertThatThrownBy(() -> LedgerRecordCodec.decode(budget.replace("\"format\":1", "\"format\":2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 2 is not 1");
        assertThatThrownBy(() -> LedgerRecordCodec.decode(budget.substring(0, budget.length() - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> LedgerRecordCodec.decode(budget + "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> LedgerRecordCodec.decode(budget.replace("\"epsilon\":3.0,", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing field 'epsilon'");
        assertThatThrownBy(() -> LedgerRecordCodec.decode(budget.replace("\"epsilon\":3.0", "\"epsilon\":-3.0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget epsilon must be positive");
        assertThatThrownBy(() -> LedgerRecordCodec.decode(budget.replace("\"kind\":\"budget\"", "\"kind\":\"x\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown kind 'x'");
    }

    @Test
    void theAuditIsEveryRecordThenASummary() throws IOException {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        PrivacyLedger ledger = PrivacyLedger.builder().setStore(store).setDataset("adult")
                .optBudget(new PrivacyBudget(5, DELTA)).build();
        ledger.charge(ChargeRequest.gaussian(4, 2).setPurpose("counts").setPrincipal("job").build());
        ledger.charge(ChargeRequest.subsampledGaussian(0.01, 1, 500).setPurpose("train").setPrincipal("trainer")
                .build());
        StringWriter out = new StringWriter();
        LedgerAudit.write(ledger.snapshot(), out);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3).stream().map(LedgerRecordCodec::decode).toList())
                .isEqualTo(store.records());
        JsonNode summary = new ObjectMapper().readTree(lines.get(3));
        assertThat(summary.get("kind").asText()).isEqualTo("summary");
        assertThat(summary.get("dataset").asText()).isEqualTo("adult");
        assertThat(summary.get("entries").asInt()).isEqualTo(2);
        assertThat(summary.at("/budget/epsilon").asDouble()).isEqualTo(5);
        assertThat(summary.at("/budget/delta").asDouble()).isEqualTo(DELTA);
        assertThat(summary.at("/spent/epsilon").asDouble()).isEqualTo(ledger.spent().epsilon());
        assertThat(summary.at("/spent/order").asDouble()).isEqualTo(ledger.spent().order());
        assertThat(summary.at("/spent/conversion").asText()).isEqualTo("tight");
        assertThat(summary.get("remaining_epsilon").asDouble()).isEqualTo(5 - ledger.spent().epsilon());
    }
}
