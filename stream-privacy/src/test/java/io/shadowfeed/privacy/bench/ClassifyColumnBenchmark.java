package io.shadowfeed.privacy.bench;

import io.shadowfeed.privacy.pii.detect.ColumnClassification;
import io.shadowfeed.privacy.pii.detect.ColumnClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Classifies all 13 columns of chinook's Customer table (59 rows each, with the rows for phone regions), single
 * thread; the score is tables per second. Reads {@code -Dshadowfeed.datasets} (default {@code ../shared/datasets}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Threads(1)
public class ClassifyColumnBenchmark {

    private ColumnClassifier classifier;
    private List<Map<String, String>> rows;
    private List<String> columns;

    @Setup
    public void setUp() throws IOException {
        classifier = ColumnClassifier.defaults();
        Path csv = Path.of(System.getProperty("shadowfeed.datasets", "../shared/datasets"), "chinook",
                "Customer.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        columns = split(lines.get(0));
        rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = split(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), i < fields.size() ? fields.get(i) : "");
            }
            rows.add(row);
        }
    }

    @Benchmark
    public void classifyCustomerTable(Blackhole bh) {
        for (String c : columns) {
            List<String> values = new ArrayList<>(rows.size());
            for (Map<String, String> r : rows) {
                values.add(r.get(c));
            }
            ColumnClassification result = classifier.classify(c, values, rows);
            bh.consume(result);
        }
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
