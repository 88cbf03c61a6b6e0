package io.shadowfeed.deploy.pii;

import io.shadowfeed.privacy.pii.detect.PiiAnalyzer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Detects PII in a stream of lines: one JSON object out per line in ({@link SpanJson}), flushed at once, so it works
 * as a filter in a pipe. Holds one line at a time. Input is UTF-8; bytes that are not valid UTF-8 are read as U+FFFD
 * (each counts one UTF-16 unit in the offsets). Lines end at {@code \n}, {@code \r} or {@code \r\n}.
 */
public final class LineDetector {

    private final PiiAnalyzer analyzer;
    private final SpanJson json;

    public LineDetector(PiiAnalyzer analyzer, SpanJson json) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * Reads {@code in} to its end, or until the output fails (a closed pipe downstream); closes neither.
     *
     * @param outputFailed also asked after each line: whether what {@code out} writes to has failed (a
     *     {@link PrintWriter} over {@code System.out} cannot tell, {@code System.out} itself can)
     * @return the number of lines answered
     */
    public long run(InputStream in, PrintWriter out, BooleanSupplier outputFailed) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long count = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                json.write(line, analyzer.analyze(line), out);
                out.write('\n');
                out.flush();
                if (out.checkError() || outputFailed.getAsBoolean()) {
                    break;
                }
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input: " + e.getMessage(), e);
        }
        return count;
    }
}
