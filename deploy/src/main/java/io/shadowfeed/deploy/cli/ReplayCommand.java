package io.shadowfeed.deploy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.deploy.replay.CsvRecordReader;
import io.shadowfeed.deploy.replay.CsvReplayer;
import io.shadowfeed.deploy.replay.CsvSource;
import io.shadowfeed.deploy.replay.LineProgress;
import io.shadowfeed.deploy.replay.ProgressBarProgress;
import io.shadowfeed.deploy.replay.ReplayResult;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.SpecException;
import io.shadowfeed.job.spec.TableSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code shadowfeed replay}: produces a CSV's rows to a topic as Confluent Avro, paced like production. */
@Command(name = "replay", sortOptions = false,
        description = {"Replay a CSV into a Kafka topic as Confluent Avro (subject <topic>-value), keyed by the "
                + "table's key field, in file order.",
                "Prints {\"topic\", \"records\", \"skipped\", \"seconds\", \"records_per_second\"} as JSON at "
                        + "the end."})
final class ReplayCommand implements Callable<Integer> {

    private static final long LINE_PROGRESS_SECONDS = 5;

    @Spec
    private CommandSpec command;

    @Option(names = "--csv", required = true, paramLabel = "FILE",
            description = "The CSV (header row, RFC 4180; an empty field is null), or classpath:RESOURCE.")
    private String csv;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic to produce to.")
    private String topic;

    @Option(names = "--table", required = true, paramLabel = "TABLE",
            description = "The spec's table whose schema and key the rows have.")
    private String table;

    @Option(names = "--spec", required = true, paramLabel = "SPEC",
            description = "The pipeline spec (YAML file, or classpath:RESOURCE).")
    private String specLocation;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--rate", paramLabel = "N", description = "At most N records per second.")
    private Double rate;

    @Option(names = "--time-field", paramLabel = "FIELD",
            description = "Pace by this event-time field (timestamp, date or epoch-millis long).")
    private String timeField;

    @Option(names = "--speedup", paramLabel = "X",
            description = "With --time-field: replay X times faster than the event times. Default: 1.")
    private Double speedup;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N records.")
    private Long limit;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "1",
            description = "Replay the file K times. Default: ${DEFAULT-VALUE}.")
    private int repeat;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
            description = "Partitions of the topic if it is created. Default: ${DEFAULT-VALUE}.")
    private int partitions;

    @Option(names = "--skip-bad-rows",
            description = "Skip (and count) rows that do not fit the schema instead of failing.")
    private boolean skipBadRows;

    @Option(names = "--null-value", paramLabel = "TEXT",
            description = "A text that means null, besides the empty field (repeatable), e.g. NA or ?.")
    private List<String> nullValues = List.of();

    @Override
    public Integer call() throws Exception {
        if (speedup != null && timeField == null) {
            throw new ParameterException(command.commandLine(), "--speedup needs --time-field");
        }
        PipelineSpec spec = connection.applyTo(Specs.load(specLocation));
        TableSpec tableSpec = spec.table(table).orElseThrow(() -> new SpecException(specLocation + ": no table '"
                + table + "' (tables: " + spec.tables().stream().map(TableSpec::name).toList() + ")"));
        CsvSource source = CsvSource.of(csv);
        CsvReplayer replayer;
        try {
            replayer = replayer(spec, tableSpec, source);
        } catch (IllegalArgumentException badOption) {
            throw new ParameterException(command.commandLine(), badOption.getMessage());
        }
        ReplayResult result = replayer.run();
        command.commandLine().getOut().println(new ObjectMapper().writeValueAsString(result));
        command.commandLine().getOut().flush();
        if (result.skipped() > 0) {
            command.commandLine().getErr().println("shadowfeed replay: skipped " + result.skipped()
                    + " bad row(s); run with --verbose to see which");
        }
        return 0;
    }

    private CsvReplayer replayer(PipelineSpec spec, TableSpec tableSpec, CsvSource source) {
        CsvReplayer.Builder replay = CsvReplayer.builder()
                .setSource(source)
                .setTable(tableSpec.schema(), tableSpec.keyField())
                .setTopic(topic)
                .setBootstrapServers(spec.bootstrapServers())
                .setRegistryUrl(spec.registryUrl())
                .optPartitions(partitions)
                .optRepeat(repeat)
                .optSkipBadRows(skipBadRows)
                .optNullValues(nullSet());
        if (rate != null) {
            replay.optRate(rate);
        }
        if (timeField != null) {
            replay.optEventTimePacing(timeField, speedup == null ? 1.0 : speedup);
        }
        if (limit != null) {
            replay.optLimit(limit);
        }
        if (Terminal.stderrIsTerminal()) {
            long expected = CsvRecordReader.countRows(source) * repeat;
            replay.optProgress(new ProgressBarProgress(System.err), limit == null ? expected
                    : Math.min(limit, expected));
        } else {
            replay.optProgress(new LineProgress(System.err, LINE_PROGRESS_SECONDS), limit == null ? -1 : limit);
        }
        return replay.build();
    }

    private Set<String> nullSet() {
        Set<String> all = new HashSet<>(nullValues);
        all.add("");
        return all;
    }
}
