package io.shadowfeed.deploy.cli;

import io.shadowfeed.deploy.pii.ClassifyReport;
import io.shadowfeed.deploy.pii.ColumnSampler;
import io.shadowfeed.deploy.pii.CsvSample;
import io.shadowfeed.deploy.replay.CsvSource;
import io.shadowfeed.privacy.pii.detect.ColumnClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code shadowfeed pii classify}: what kind of personal data each column of a CSV holds. */
@Command(name = "classify", sortOptions = false,
        description = {"Classify the columns of a CSV (RFC 4180, header row, UTF-8) from their names and the first "
                + "rows: e-mail, phone, card, name, address... or NONE.",
                "Prints a JSON array, one object per column in header order: {\"column\", \"type\", \"confidence\", "
                        + "\"evidence\"}. Evidence names rules and counts, never a value."})
final class PiiClassifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--csv", required = true, paramLabel = "FILE",
            description = "The CSV (header row; an empty field is null), or classpath:RESOURCE.")
    private String csv;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "500",
            description = "Classify from the first N rows. Default: ${DEFAULT-VALUE}.")
    private int sample;

    @Option(names = "--column", paramLabel = "C",
            description = "Only this column (repeatable). Default: all.")
    private List<String> columns = List.of();

    @Override
    public Integer call() {
        if (sample < 1) {
            throw new ParameterException(command.commandLine(), "--sample must be at least 1. Provided value: "
                    + sample);
        }
        CsvSample rows = ColumnSampler.firstRows(sample).sample(CsvSource.of(csv));
        ClassifyReport report;
        try {
            report = ClassifyReport.of(rows, ColumnClassifier.builder().optMaxSample(sample).build(), columns);
        } catch (IllegalArgumentException unknownColumn) {
            throw new ParameterException(command.commandLine(), "--column: " + unknownColumn.getMessage());
        }
        report.writeJson(command.commandLine().getOut());
        return 0;
    }
}
