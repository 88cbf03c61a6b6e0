package io.shadowfeed.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.privacy.dp.ledger.ChargeRequest;
import io.shadowfeed.privacy.dp.ledger.LedgerRecordCodec;
import io.shadowfeed.privacy.dp.ledger.PrivacyBudget;
import io.shadowfeed.privacy.dp.ledger.PrivacyLedger;
import io.shadowfeed.privacy.dp.ledger.store.FileLedgerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyLedgerCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(CommandRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    /** A trainer's ledger file with a budget of epsilon 4 and two charges. */
    private PrivacyLedger.Builder trainerLedger(Path file) {
        return PrivacyLedger.builder().setStore(FileLedgerStore.writable(file)).setDataset("adult")
                .optBudget(new PrivacyBudget(4, 1e-5));
    }

    @Test
    void summarizesALedgerWithItsComposedSpendAndExportsTheAudit() throws Exception {
        Path file = dir.resolve("adult.jsonl");
        double spent;
        double order;
        try (PrivacyLedger ledger = trainerLedger(file).build()) {
            ledger.charge(ChargeRequest.subsampledGaussian(0.01, 1.1, 2000).setPurpose("train v1")
                    .setPrincipal("trainer").build());
            ledger.charge(ChargeRequest.gaussian(10, 5).setPurpose("drift").setPrincipal("job").build());
            spent = ledger.spent().epsilon();
            order = ledger.spent().order();
        }
        Path export = dir.resolve("audit.jsonl");
        JsonNode summary = json(CommandRun.execute("privacy", "ledger", "--dataset", "adult", "--file",
                file.toString(), "--export", export.toString()));

        assertThat(summary.get("dataset").asText()).isEqualTo("adult");
        assertThat(summary.get("entries").asInt()).isEqualTo(2);
        assertThat(summary.at("/budget/epsilon").asDouble()).isEqualTo(4);
        assertThat(summary.at("/spent/epsilon").asDouble()).isEqualTo(spent);
        assertThat(summary.at("/spent/order").asDouble()).isEqualTo(order);
        assertThat(summary.at("/spent/conversion").asText()).isEqualTo("tight");
        assertThat(summary.get("remaining_epsilon").asDouble()).isEqualTo(4 - spent);
        assertThat(summary.get("created").asBoolean()).isFalse();
        assertThat(summary.get("store").asText()).contains(file.toString());

        List<String> audit = Files.readAllLines(export);
        assertThat(audit).hasSize(4);
        assertThat(audit.subList(0, 3)).isEqualTo(Files.readAllLines(file));
        assertThat(LedgerRecordCodec.decode(audit.get(1)).principal()).isEqualTo("trainer");
        assertThat(JSON.readTree(audit.get(3)).at("/spent/epsilon").asDouble()).isEqualTo(spent);
        // reading fenced no one and changed nothing
        try (PrivacyLedger ledger = trainerLedger(file).build()) {
            assertThat(ledger.entries()).hasSize(2);
        }
    }

    @Test
    void aBudgetCreatesANewLedgerAndIsCheckedAfterwards() throws Exception {
        Path file = dir.resolve("new/census.jsonl");
        JsonNode created = json(CommandRun.execute("privacy", "ledger", "--dataset", "census", "--file",
                file.toString(), "--budget-epsilon", "2.5", "--delta", "1e-6"));
        assertThat(created.get("created").asBoolean()).isTrue();
        assertThat(created.get("entries").asInt()).isZero();
        assertThat(created.get("remaining_epsilon").asDouble()).isEqualTo(2.5);
        assertThat(Files.readAllLines(file)).singleElement().asString().contains("\"kind\":\"budget\"");

        JsonNode same = json(CommandRun.execute("privacy", "ledger", "--dataset", "census", "--file",
                file.toString(), "--budget-epsilon", "2.5", "--delta", "0.000001"));
        assertThat(same.get("created").asBoolean()).isFalse();

        CommandRun other = CommandRun.execute("privacy", "ledger", "--dataset", "census", "--file", file.toString(),
                "--budget-epsilon", "3", "--delta", "1e-6");
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.errLines()).singleElement().asString()
                .contains("was created with budget epsilon 2.5 at delta 1.0E-6", "cannot change");
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void failuresAreOneLineErrors() throws Exception {
        Path missing = dir.resolve("missing.jsonl");
        CommandRun none = CommandRun.execute("privacy", "ledger", "--dataset", "adult", "--file", missing.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.errLines()).singleElement().asString()
                .contains("dataset 'adult' has no privacy ledger", "--budget-epsilon E --delta D");
        assertThat(missing).doesNotExist();

        Path corrupt = dir.resolve("corrupt.jsonl");
        try (PrivacyLedger ledger = trainerLedger(corrupt).build()) {
            ledger.charge(ChargeRequest.gaussian(10, 1).setPurpose("drift").setPrincipal("job").build());
        }
        Files.writeString(corrupt, Files.readString(corrupt).replace("\"zcdp\"", "\"zcpd\""));
        CommandRun broken = CommandRun.execute("privacy", "ledger", "--dataset", "adult", "--file",
                corrupt.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.errLines()).singleElement().asString().contains("is corrupt at line 2");

        CommandRun half = CommandRun.execute("privacy", "ledger", "--dataset", "adult", "--file",
                corrupt.toString(), "--budget-epsilon", "3");
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(half.err()).contains("--delta");

        CommandRun both = CommandRun.execute("privacy", "ledger", "--dataset", "adult", "--file",
                corrupt.toString(), "--bootstrap-servers", "localhost:9092");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void helpNamesEveryOption() {
        CommandRun help = CommandRun.execute("privacy", "ledger", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--dataset", "--bootstrap-servers", "--file", "--topic", "--budget-epsilon",
                "--delta", "--export");
        assertThat(help.out().replaceAll("\\s+", "")).contains("Default:synth.privacy-ledger");
    }
}
