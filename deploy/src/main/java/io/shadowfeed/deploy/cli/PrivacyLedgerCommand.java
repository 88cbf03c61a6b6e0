package io.shadowfeed.deploy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shadowfeed.privacy.dp.ledger.LedgerAudit;
import io.shadowfeed.privacy.dp.ledger.LedgerRecordCodec;
import io.shadowfeed.privacy.dp.ledger.LedgerStore;
import io.shadowfeed.privacy.dp.ledger.MissingBudgetException;
import io.shadowfeed.privacy.dp.ledger.PrivacyBudget;
import io.shadowfeed.privacy.dp.ledger.PrivacyLedger;
import io.shadowfeed.privacy.dp.ledger.store.FileLedgerStore;
import io.shadowfeed.privacy.dp.ledger.store.KafkaLedgerStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code shadowfeed privacy ledger}: where a dataset's privacy budget stands, and its audit trail. */
@Command(name = "ledger", sortOptions = false,
        description = {"Read a dataset's privacy ledger (the compacted Kafka topic " + KafkaLedgerStore.DEFAULT_TOPIC
                + ", or a trainer's ledger file) and print its summary: the budget, the number of entries, their "
                + "spend composed in Rényi DP and converted at the budget's delta (with the best order and the "
                + "conversion), and the epsilon that remains.",
                "Reading fences no writer. With --budget-epsilon and --delta the budget is checked against the "
                        + "ledger's, or, for a dataset without a ledger, declared: that creates the ledger.",
                "Prints {\"dataset\", \"budget\", \"entries\", \"spent\": {\"epsilon\", \"delta\", \"order\", "
                        + "\"conversion\"}, \"remaining_epsilon\", \"store\", \"created\"} as JSON."})
final class PrivacyLedgerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset.")
    private String dataset;

    @ArgGroup(exclusive = true)
    private Store store = new Store();

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = KafkaLedgerStore.DEFAULT_TOPIC,
            description = "The ledger topic in Kafka. Default: ${DEFAULT-VALUE}.")
    private String topic;

    @ArgGroup(exclusive = false)
    private Budget budget;

    @Option(names = "--export", paramLabel = "FILE",
            description = "Also write the audit: every record as a JSON line, then the summary line.")
    private Path export;

    static final class Store {
        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
                description = "The Kafka that holds the ledger topic. Default: 127.0.0.1:9092.")
        String bootstrapServers = "127.0.0.1:9092";

        @Option(names = "--file", paramLabel = "FILE", description = "A ledger file (JSON lines) instead of Kafka.")
        Path file;
    }

    static final class Budget {
        @Option(names = "--budget-epsilon", required = true, paramLabel = "E",
                description = "The dataset's total epsilon: checked, or declared for a new ledger.")
        double epsilon;

        @Option(names = "--delta", required = true, paramLabel = "D",
                description = "The dataset's delta, in (0, 1), with --budget-epsilon.")
        double delta;
    }

    @Override
    public Integer call() throws IOException {
        PrivacyBudget declared = budget == null ? null : new PrivacyBudget(budget.epsilon, budget.delta);
        boolean created = false;
        PrivacyLedger opened;
        try {
            opened = open(false, declared);
        } catch (MissingBudgetException e) {
            if (declared == null) {
                throw e;
            }
            opened = open(true, declared);
            created = true;
        }
        try (PrivacyLedger ledger = opened) {
            ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(
                    LedgerRecordCodec.encode(ledger.summary()));
            summary.remove(List.of("format", "kind"));
            summary.put("store", ledger.storeDescription());
            summary.put("created", created);
            if (export != null) {
                try (Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
                    LedgerAudit.write(ledger.snapshot(), out);
                }
                summary.put("export", export.toString());
            }
            command.commandLine().getOut().println(summary);
        }
        return 0;
    }

    /** Read only unless the ledger has to be created, so that reading never fences a running writer. */
    private PrivacyLedger open(boolean writable, PrivacyBudget declared) {
        PrivacyLedger.Builder builder = PrivacyLedger.builder().setStore(store(writable)).setDataset(dataset);
        if (declared != null) {
            builder.optBudget(declared);
        }
        return builder.build();
    }

    private LedgerStore store(boolean writable) {
        if (store.file != null) {
            return writable ? FileLedgerStore.writable(store.file) : FileLedgerStore.readOnly(store.file);
        }
        return KafkaLedgerStore.builder().setBootstrapServers(store.bootstrapServers).optTopic(topic)
                .optReadOnly(!writable).build();
    }
}
