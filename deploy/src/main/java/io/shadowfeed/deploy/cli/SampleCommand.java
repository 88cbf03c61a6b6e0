package io.shadowfeed.deploy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shadowfeed.avro.confluent.AvroSchemas;
import io.shadowfeed.trainer.artifact.ArtifactStore;
import io.shadowfeed.trainer.artifact.ArtifactVersion;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.io.CsvTableWriter;
import io.shadowfeed.trainer.sample.TableModel;
import io.shadowfeed.trainer.sample.TableSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code shadowfeed sample}: synthetic rows from a published model, optionally with fixed discrete values. */
@Command(name = "sample", sortOptions = false,
        description = {"Draw synthetic rows from a trained model and write them as CSV, rendered like the "
                + "training data (same number and datetime formats).",
                "--model is a version directory (<root>/<table>/vN) or a table directory (its latest version "
                        + "that passed the quality gate). Files are checked against the manifest's checksums.",
                "Prints {\"rows\", \"out\", \"model\", \"seconds\"} as JSON."})
final class SampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "A version directory, or a table directory for its latest passing version.")
    private Path model;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "How many rows.")
    private int rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--condition", paramLabel = "COLUMN=VALUE",
            description = "Fix a discrete column's value in every row (repeatable; every row satisfies all).")
    private List<String> conditions = new ArrayList<>();

    @Option(names = "--schema", paramLabel = "AVSC",
            description = "Refuse the model unless it was trained on this Avro schema.")
    private Path schema;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "1024",
            description = "Rows per generator call (default ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch threads (default ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV to write.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (rows < 1) {
            throw new ParameterException(command.commandLine(), "--rows must be at least 1, got " + rows);
        }
        Map<String, String> fixed = parseConditions();
        ArtifactVersion version = ArtifactStore.open(model);
        if (schema != null) {
            String avsc = Files.readString(schema);
            ArtifactStore.verifySchema(version, "avro:" + Long.toHexString(AvroSchemas.fingerprint(avsc)));
        }
        TableModel tableModel = TableModel.read(version);
        long started = System.nanoTime();
        DataTable table;
        try (TableSampler sampler = tableModel.openSampler(version, threads, batchSize)) {
            table = fixed.isEmpty() ? sampler.sample(rows, seed) : sampler.sample(rows, fixed, seed);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CsvTableWriter.write(table, tableModel.profile(), out);
        ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("rows", table.rowCount());
        summary.put("out", out.toString());
        summary.put("model", version.label());
        summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
        command.commandLine().getOut().println(summary);
        return 0;
    }

    private Map<String, String> parseConditions() {
        Map<String, String> fixed = new LinkedHashMap<>();
        for (String condition : conditions) {
            int equals = condition.indexOf('=');
            if (equals <= 0) {
                throw new ParameterException(command.commandLine(),
                        "--condition must be COLUMN=VALUE, got '" + condition + "'");
            }
            fixed.put(condition.substring(0, equals), condition.substring(equals + 1));
        }
        return fixed;
    }
}
