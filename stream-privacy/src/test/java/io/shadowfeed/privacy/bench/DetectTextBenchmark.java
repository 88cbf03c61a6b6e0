package io.shadowfeed.privacy.bench;

import io.shadowfeed.privacy.pii.detect.PiiAnalyzer;
import io.shadowfeed.privacy.pii.detect.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Free-text detection throughput on realistic support notes (the labelled set, markup stripped: 209 notes in 14
 * languages, 12,242 UTF-8 bytes), single thread. The {@code bytes} counter is UTF-8 bytes analyzed per second: divide
 * by 1e6 for MB/s. Two fixed baselines run in the same JMH run, so that a figure taken on a busy machine can be read as
 * a ratio: {@code baselineLowerCase} (lower-cases each note and looks for '@') and {@code baselineRegex} (one pass of
 * {@code \d{3,}} over each note). The JIT needs about 10 s to warm up; on a loaded machine use at least
 * {@code -wi 5 -w 3s}.
 *
 * <pre>
 * mvn -q -B -o -pl stream-privacy test-compile
 * java -Djmh.ignoreLock=true -cp stream-privacy/target/test-classes:stream-privacy/target/classes:$(cat stream-privacy/target/test-classpath.txt) \
 *     org.openjdk.jmh.Main DetectTextBenchmark -f 1 -wi 5 -i 5 -w 3s -r 3s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Threads(1)
public class DetectTextBenchmark {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{3,}");

    private List<String> notes;
    private long bytesPerPass;
    private PiiAnalyzer analyzer;

    /** UTF-8 bytes analyzed, reported as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setUp() throws IOException {
        analyzer = PiiAnalyzer.defaults();
        notes = loadNotes();
        for (String n : notes) {
            bytesPerPass += n.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    @Benchmark
    public void analyzeNotes(Bytes counter, Blackhole bh) {
        for (String n : notes) {
            List<Span> spans = analyzer.analyze(n);
            bh.consume(spans);
        }
        counter.bytes += bytesPerPass;
    }

    /**
     * Fixed baseline for noisy machines: lower-cases each note and scans it for '@', the least any detector does.
     * Compare {@code analyzeNotes:bytes} with {@code baselineLowerCase:bytes} from the same run.
     */
    @Benchmark
    public void baselineLowerCase(Bytes counter, Blackhole bh) {
        for (String n : notes) {
            String lower = n.toLowerCase(Locale.ROOT);
            bh.consume(lower.indexOf('@'));
        }
        counter.bytes += bytesPerPass;
    }

    /** Fixed baseline: one pass of a simple regex (runs of 3+ digits) over each note. */
    @Benchmark
    public void baselineRegex(Bytes counter, Blackhole bh) {
        Matcher m = DIGIT_RUN.matcher("");
        for (String n : notes) {
            m.reset(n);
            int found = 0;
            while (m.find()) {
                found++;
            }
            bh.consume(found);
        }
        counter.bytes += bytesPerPass;
    }

    static List<String> loadNotes() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = DetectTextBenchmark.class.getResourceAsStream("/pii/text/support-notes.txt")) {
            if (in == null) {
                throw new IllegalStateException("pii/text/support-notes.txt is not on the classpath: run test-compile");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.replaceAll("\\[\\[[A-Z_]+:", "").replace("]]", ""));
                }
            }
        }
        return out;
    }
}
