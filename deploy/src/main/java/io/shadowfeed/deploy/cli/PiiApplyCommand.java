package io.shadowfeed.deploy.cli;

import io.shadowfeed.deploy.pii.ApplyResult;
import io.shadowfeed.deploy.pii.ColumnSampler;
import io.shadowfeed.deploy.pii.CsvAutoPolicies;
import io.shadowfeed.deploy.pii.CsvSanitizer;
import io.shadowfeed.deploy.replay.CsvRecordReader;
import io.shadowfeed.deploy.replay.CsvSource;
import io.shadowfeed.deploy.replay.LineProgress;
import io.shadowfeed.deploy.replay.ProgressBarProgress;
import io.shadowfeed.deploy.replay.ReplayProgress;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.SpecException;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.privacy.pii.detect.ColumnClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code shadowfeed pii apply}: a spec's policies applied to a CSV, as the job applies them to a topic. */
@Command(name = "apply", sortOptions = false,
        description = {"Apply a table's policies from a pipeline spec to a CSV (read with the table's schema; an "
                + "empty field is null) and write the sanitized CSV: the output schema's columns, timestamps as "
                + "ISO-8601 UTC, nulls empty.",
                "Fields the spec marks auto are classified from the first rows of the CSV. Keyed policies read "
                        + "their keys from the spec's key source.",
                "Prints {\"rows\", \"out\", \"fields\": {output field: policy}, \"dropped\": [fields]} as JSON; "
                        + "never a value."})
final class PiiApplyCommand implements Callable<Integer> {

    private static final long LINE_PROGRESS_SECONDS = 5;
    private static final int AUTO_SAMPLE_ROWS = 500;

    @Spec
    private CommandSpec command;

    @Option(names = "--csv", required = true, paramLabel = "IN",
            description = "The CSV to sanitize (header row, RFC 4180, UTF-8), or classpath:RESOURCE.")
    private String csv;

    @Option(names = "--spec", required = true, paramLabel = "SPEC",
            description = "The pipeline spec (YAML file, or classpath:RESOURCE).")
    private String specLocation;

    @Option(names = "--table", required = true, paramLabel = "NAME",
            description = "The spec's table whose schema the CSV has and whose policies apply.")
    private String table;

    @Option(names = "--out", required = true, paramLabel = "OUT",
            description = "The sanitized CSV to write (replaced if it exists; written only when complete).")
    private Path out;

    @Override
    public Integer call() {
        CsvSource source = CsvSource.of(csv);
        checkNotTheInput();
        PipelineSpec spec = Specs.load(specLocation);
        TableSpec tableSpec = spec.table(table).orElseThrow(() -> new SpecException(specLocation + ": no table '"
                + table + "' (tables: " + spec.tables().stream().map(TableSpec::name).toList() + ")"));
        if (tableSpec.hasPendingFields()) {
            tableSpec = new CsvAutoPolicies(ColumnClassifier.defaults(), spec.policyParser())
                    .resolve(tableSpec, ColumnSampler.firstRows(AUTO_SAMPLE_ROWS).sample(source));
        }
        ApplyResult result = CsvSanitizer.of(tableSpec).apply(source, out, progress(source));
        result.writeJson(command.commandLine().getOut());
        return 0;
    }

    /** Sanitizing a file into itself would replace the raw data for good: surely a slip of the keyboard. */
    private void checkNotTheInput() {
        if (csv.startsWith(Specs.CLASSPATH) || !Files.exists(out)) {
            return;
        }
        try {
            if (Files.isSameFile(Path.of(csv), out)) {
                throw new ParameterException(command.commandLine(), "--out is the input file " + csv
                        + "; write the sanitized CSV elsewhere");
            }
        } catch (IOException e) {
            // cannot tell: the writer reports what is wrong with --out
        }
    }

    private static ReplayProgress progress(CsvSource source) {
        if (Terminal.stderrIsTerminal()) {
            return new CountedProgress(new ProgressBarProgress(System.err), CsvRecordReader.countRows(source));
        }
        return new LineProgress(System.err, LINE_PROGRESS_SECONDS, "pii apply", "rows", "written");
    }

    /** A progress bar knows its total: counted up front (cheap next to sanitizing) and given on start. */
    private record CountedProgress(ReplayProgress bar, long rows) implements ReplayProgress {

        @Override
        public void start(String name, long expected) {
            bar.start("pii apply " + name, rows);
        }

        @Override
        public void update(long written) {
            bar.update(written);
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
