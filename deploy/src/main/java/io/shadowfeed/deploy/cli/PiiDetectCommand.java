package io.shadowfeed.deploy.cli;

import io.shadowfeed.deploy.pii.LineDetector;
import io.shadowfeed.deploy.pii.SpanJson;
import io.shadowfeed.privacy.pii.detect.PiiAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code shadowfeed pii detect}: PII spans in lines of text, as a filter. */
@Command(name = "detect", sortOptions = false,
        description = {"Detect personal data in lines of text read from stdin (UTF-8; invalid bytes read as U+FFFD).",
                "Prints one JSON object per input line, as soon as the line is read: {\"spans\": [{\"start\", "
                        + "\"end\", \"type\", \"score\"}]}, offsets in UTF-16 code units of the line (as Java and "
                        + "JavaScript strings count them), end exclusive.",
                "Example: printf 'mail me at jane@example.org\\n' | shadowfeed pii detect --redact"})
final class PiiDetectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--min-score", paramLabel = "S",
            description = "Report spans scoring at least S, in [0, 1]. Default: the analyzer's, 0.5.")
    private Double minScore;

    @Option(names = "--redact",
            description = "Add \"redacted\": the line with each span replaced by <TYPE>.")
    private boolean redact;

    @Override
    public Integer call() {
        LineDetector detector = new LineDetector(analyzer(), redact ? SpanJson.withRedacted() : SpanJson.spansOnly());
        PrintWriter out = command.commandLine().getOut();
        detector.run(System.in, out, System.out::checkError);
        return 0;
    }

    private PiiAnalyzer analyzer() {
        if (minScore == null) {
            return PiiAnalyzer.defaults();
        }
        try {
            return PiiAnalyzer.builder().optMinScore(minScore).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--min-score must be in [0, 1]. Provided value: "
                    + minScore);
        }
    }
}
