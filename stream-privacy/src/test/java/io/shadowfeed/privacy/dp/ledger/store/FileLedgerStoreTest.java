package io.shadowfeed.privacy.dp.ledger.store;

import io.shadowfeed.privacy.dp.ledger.ChargeRequest;
import io.shadowfeed.privacy.dp.ledger.LedgerCorruptedException;
import io.shadowfeed.privacy.dp.ledger.LedgerEntry;
import io.shadowfeed.privacy.dp.ledger.LedgerStoreException;
import io.shadowfeed.privacy.dp.ledger.MissingBudgetException;
import io.shadowfeed.privacy.dp.ledger.PrivacyBudget;
import io.shadowfeed.privacy.dp.ledger.PrivacyLedger;
import io.shadowfeed.privacy.dp.ledger.PrivacyLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileLedgerStoreTest {

    private static final PrivacyBudget BUDGET = new PrivacyBudget(8, 1e-5);

    @TempDir
    Path dir;

    private static PrivacyLedger writer(Path file) {
        return PrivacyLedger.builder().setStore(FileLedgerStore.writable(file)).setDataset("adult")
                .optBudget(BUDGET).optPrincipal("ops").build();
    }

    private static PrivacyLedger reader(Path file) {
        return PrivacyLedger.builder().setStore(FileLedgerStore.readOnly(file)).setDataset("adult").build();
    }

    /** A ledger file with a budget and three charges of different kinds. */
    private Path ledgerWithThreeCharges() {
        Path file = dir.resolve("ledgers/adult.jsonl");
        try (PrivacyLedger ledger = writer(file)) {
            ledger.charge(ChargeRequest.gaussian(6, 2).setPurpose("counts").setPrincipal("job").build());
            ledger.charge(ChargeRequest.subsampledGaussian(0.01, 1.1, 3000).setPurpose("train v1")
                    .setPrincipal("trainer").build());
            ledger.charge(ChargeRequest.builder().setMechanism("tree_aggregation").optParameter("levels", 20)
                    .setLoss(new PrivacyLoss.Zcdp(0.01)).setPurpose("running counts").setPrincipal("job").build());
        }
        return file;
    }

    @Test
    void aReopenedLedgerHasTheSameEntriesAndTotals() throws IOException {
        Path file = dir.resolve("ledgers/adult.jsonl");
        List<LedgerEntry> entries;
        double[] spentRdp;
        try (PrivacyLedger ledger = writer(file)) {
            ledger.charge(ChargeRequest.gaussian(6, 2).setPurpose("counts").setPrincipal("job").build());
            ledger.charge(ChargeRequest.subsampledGaussian(0.01, 1.1, 3000).setPurpose("train v1")
                    .setPrincipal("trainer").build());
            entries = ledger.entries();
            spentRdp = ledger.spentRdp();
        }
        assertThat(Files.readAllLines(file)).hasSize(3);

        try (PrivacyLedger reopened = writer(file)) {
            assertThat(reopened.entries()).isEqualTo(entries);
            assertThat(reopened.spentRdp()).containsExactly(spentRdp);
            LedgerEntry third = reopened.charge(ChargeRequest.gaussian(6, 1).setPurpose("more counts")
                    .setPrincipal("job").build());
            assertThat(third.sequence()).isEqualTo(3);
        }
        try (PrivacyLedger read = reader(file)) {
            assertThat(read.entries()).hasSize(3).startsWith(entries.toArray(LedgerEntry[]::new));
            assertThat(read.budget()).isEqualTo(BUDGET);
        }
    }

    @Test
    void aCorruptLineIsATypedErrorAndTheFileIsLeftAlone() throws IOException {
        Path file = ledgerWithThreeCharges();
        List<String> lines = Files.readAllLines(file);
        lines.set(2, lines.get(2).replace("\"rdp\"", "\"rpd\""));
        Files.write(file, lines);
        byte[] corrupted = Files.readAllBytes(file);

        assertThatThrownBy(() -> writer(file))
                .isInstanceOf(LedgerCorruptedException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("unknown loss type 'rpd'");
        assertThatThrownBy(() -> reader(file)).isInstanceOf(LedgerCorruptedException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(corrupted);
    }

    @Test
    void aRemovedLineIsNoticed() throws IOException {
        Path file = ledgerWithThreeCharges();
        List<String> lines = Files.readAllLines(file);
        lines.remove(2);
        Files.write(file, lines);
        assertThatThrownBy(() -> writer(file))
                .isInstanceOf(LedgerCorruptedException.class)
                .hasMessageContaining("entries 2 to 2 are missing");
    }

    @Test
    void aWriteCutShortByACrashIsCutOffOnTheNextOpen() throws IOException {
        Path file = ledgerWithThreeCharges();
        byte[] whole = Files.readAllBytes(file);
        List<LedgerEntry> entries;
        try (PrivacyLedger read = reader(file)) {
            entries = read.entries();
        }
        String half = Files.readAllLines(file).get(3).substring(0, 80);
        Files.writeString(file, half, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        // a reader leaves the unfinished line alone: a writer may be in the middle of it
        try (PrivacyLedger read = reader(file)) {
            assertThat(read.entries()).isEqualTo(entries);
        }
        assertThat(Files.size(file)).isEqualTo(whole.length + 80);
        // a writer holds the lock, so the line can only be a crashed write: cut off
        try (PrivacyLedger ledger = writer(file)) {
            assertThat(ledger.entries()).isEqualTo(entries);
            assertThat(Files.readAllBytes(file)).isEqualTo(whole);
            ledger.charge(ChargeRequest.gaussian(6, 1).setPurpose("after the crash").setPrincipal("job").build());
        }
        try (PrivacyLedger read = reader(file)) {
            assertThat(read.entries()).hasSize(4);
        }
    }

    @Test
    void aWholeLastRecordWithoutItsLineBreakIsCounted() throws IOException {
        Path file = ledgerWithThreeCharges();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 1));
        try (PrivacyLedger ledger = writer(file)) {
            assertThat(ledger.entries()).hasSize(3);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(whole);
    }

    @Test
    void onlyOneWriterAtATime() {
        Path file = ledgerWithThreeCharges();
        try (PrivacyLedger first = writer(file)) {
            assertThatThrownBy(() -> writer(file))
                    .isInstanceOf(LedgerStoreException.class)
                    .hasMessageContaining("already open for writing");
            try (PrivacyLedger read = reader(file)) {
                assertThat(read.entries()).hasSize(3);
            }
            first.charge(ChargeRequest.gaussian(6, 1).setPurpose("still writing").setPrincipal("job").build());
        }
        try (PrivacyLedger second = writer(file)) {
            assertThat(second.entries()).hasSize(4);
        }
    }

    @Test
    void aMissingFileIsAnUndeclaredLedgerThatAReaderDoesNotCreate() {
        Path file = dir.resolve("none.jsonl");
        assertThatThrownBy(() -> reader(file)).isInstanceOf(MissingBudgetException.class)
                .hasMessageContaining("dataset 'adult' has no privacy ledger in ledger file " + file);
        assertThat(file).doesNotExist();
    }

    @Test
    void theFileOfAnotherDatasetIsRefused() {
        Path file = ledgerWithThreeCharges();
        assertThatThrownBy(() -> PrivacyLedger.builder().setStore(FileLedgerStore.readOnly(file))
                .setDataset("census").build())
                .isInstanceOf(LedgerCorruptedException.class)
                .hasMessageContaining("of dataset 'adult'");
    }
}
