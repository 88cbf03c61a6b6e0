package io.shadowfeed.bench;

import io.shadowfeed.job.link.ParentAnnouncement;
import io.shadowfeed.job.link.ParentLinkOperator;
import io.shadowfeed.job.model.ModelVersion;
import io.shadowfeed.job.serde.TableRows;
import io.shadowfeed.job.spec.ForeignKeySpec;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.job.synth.ModelStatus;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.types.Either;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Keyed state per parent key: the linkage stage of flights.tailnum -> planes (bench/flights-synth.yaml) holds, per
 * plane, its synthetic values; this feeds it N planes' announcements (pseudonym keys, the values a plane announces)
 * in Flink's keyed operator harness and takes a full snapshot on each state backend. Prints bytes per key.
 */
@Command(name = "StateSizeBenchmark", description = "Checkpointed linkage state per parent key, per state backend.")
public final class StateSizeBenchmark implements Callable<Integer> {

    @Option(names = "--keys", paramLabel = "N", defaultValue = "1000000", description = "Parent keys (default ${DEFAULT-VALUE}).")
    private int keys;

    @Option(names = "--spec", paramLabel = "FILE", defaultValue = "bench/flights-synth.yaml",
            description = "The spec whose flights.tailnum linkage is measured (default ${DEFAULT-VALUE}).")
    private Path specFile;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StateSizeBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PipelineSpec spec = PipelineSpecLoader.load(specFile);
        TableSpec flights = spec.table("flights").orElseThrow();
        TableSpec planes = spec.table("planes").orElseThrow();
        ForeignKeySpec tailnum = flights.parentKeys().stream().filter(fk -> fk.parentTable().equals("planes"))
                .findFirst().orElseThrow();
        for (StateBackend backend : List.of(new HashMapStateBackend(), new EmbeddedRocksDBStateBackend())) {
            long bytes = measure(spec, flights, planes, tailnum, backend);
            System.out.printf(Locale.ROOT, "{\"backend\": \"%s\", \"parent_keys\": %d, \"snapshot_bytes\": %d, "
                    + "\"bytes_per_key\": %.1f, \"mb_per_million_keys\": %.1f}%n", backend.getName(), keys, bytes,
                    (double) bytes / keys, bytes / (keys / 1e6) / 1e6);
        }
        return 0;
    }

    private long measure(PipelineSpec spec, TableSpec flights, TableSpec planes, ForeignKeySpec tailnum,
            StateBackend backend) throws Exception {
        int position = flights.outputSchema().indexOf(tailnum.field());
        ParentLinkOperator operator = new ParentLinkOperator(flights, tailnum, planes, spec.serving(),
                TableRows.typeOf(flights.outputSchema()),
                new OutputTag<>("parents", TableRows.typeOf(planes.outputSchema())),
                new OutputTag<>("status", Types.POJO(ModelStatus.class)), null, null);
        KeySelector<Either<Row, ParentAnnouncement>, String> key = e -> ParentLinkOperator.keyOf(e, position);
        KeySelector<ModelVersion, String> unused = ModelVersion::table;
        try (var harness = new KeyedTwoInputStreamOperatorTestHarness<>(operator, key, unused, Types.STRING)) {
            harness.setStateBackend(backend);
            // Above 5 MB the in-memory checkpoint storage refuses a snapshot.
            harness.setCheckpointStorage(new FileSystemCheckpointStorage(
                    Files.createTempDirectory("shadowfeed-state-size").toUri()));
            harness.open();
            for (int i = 0; i < keys; i++) {
                harness.processElement1(Either.Right(new ParentAnnouncement(pseudonym(i), plane(i))), 0L);
            }
            OperatorSubtaskState snapshot = harness.snapshot(1, 1);
            return snapshot.getStateSize();
        }
    }

    /** A planes pseudonym's shape: the key space prefix and 26 base-32 characters. */
    private static String pseudonym(int i) {
        StringBuilder text = new StringBuilder("planes-");
        long value = 0x9E3779B97F4A7C15L * (i + 1);
        for (int k = 0; k < 26; k++) {
            text.append("abcdefghijklmnopqrstuvwxyz234567".charAt((int) ((value >>> (k % 12 * 5)) & 31)));
            value = value * 31 + k;
        }
        return text.toString();
    }

    /** What a plane announces: its output fields as text and its generated values in the model's units. */
    private static Map<String, String> plane(int i) {
        Map<String, String> values = new HashMap<>();
        values.put("tailnum", pseudonym(i));
        values.put("year", Integer.toString(1990 + i % 25));
        values.put("type", "Fixed wing multi engine");
        values.put("manufacturer", "EMBRAER");
        values.put("model", "EMB-145XR");
        values.put("engines", "2");
        values.put("seats", Double.toString(55.0 + i % 300));
        values.put("engine", "Turbo-fan");
        return values;
    }
}
