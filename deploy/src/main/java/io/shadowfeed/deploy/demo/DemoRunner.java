package io.shadowfeed.deploy.demo;

import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.deploy.local.LocalJobRunner;
import io.shadowfeed.deploy.local.LocalStack;
import io.shadowfeed.deploy.local.WorkDirs;
import io.shadowfeed.deploy.replay.CsvReplayer;
import io.shadowfeed.deploy.replay.CsvSource;
import io.shadowfeed.deploy.replay.ReplayResult;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The demo: a local stack, the bundled Chinook tables replayed into their raw topics, the job run bounded over them
 * with live counts, then input and output side by side and a final count per table. Fails if any table's input is
 * not exactly its output plus its dead letters.
 */
public final class DemoRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRunner.class);
    public static final String SPEC_RESOURCE = "specs/chinook-demo.yaml";
    /** The bundled CSV of each table of the demo spec. */
    private static final Map<String, String> CSV_RESOURCES = Map.of(
            "customer", "datasets/chinook/Customer.csv",
            "invoice", "datasets/chinook/Invoice.csv",
            "invoice_line", "datasets/chinook/InvoiceLine.csv");
    private static final Duration COUNT_INTERVAL = Duration.ofSeconds(1);
    /** After the job finished, how long its committed output may take to be visible to the counter. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);
    private static final int PREVIEW_RECORDS = 2;

    private final Settings settings;
    private final PrintWriter out;

    private DemoRunner(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the whole demo and stops everything it started.
     *
     * @return the final counts per table, all balanced
     * @throws DemoFailedException if the job fails or a table is not balanced
     */
    public List<TableCounts> run() throws Exception {
        long started = System.nanoTime();
        PipelineSpec bundled = PipelineSpecLoader.loadResource(SPEC_RESOURCE);
        try (LocalStack stack = LocalStack.builder()
                .optWorkDir(settings.workDir())
                .optKafkaPort(settings.kafkaPort())
                .optControllerPort(settings.controllerPort())
                .optRegistryPort(settings.registryPort())
                .build()) {
            step("starting Kafka (KRaft, own JVM) and the schema registry");
            stack.start();
            say("Kafka at %s, schema registry at %s (%.1f s)", stack.bootstrapServers(), stack.registryUrl(),
                    seconds(started));
            PipelineSpec spec = stack.localize(bundled);

            step("replaying the Chinook CSVs into their raw topics");
            Map<String, Long> replayed = replay(spec);

            step("running the job (bounded: it stops at the end of the replayed input)");
            List<TableCounts> counts;
            try (CommittedRecordCounter counter = new CommittedRecordCounter(spec.bootstrapServers(),
                    spec.tables().stream().map(TableSpec::outputTopic).toList(), spec.deadLetterTopic())) {
                counter.start();
                LocalJobRunner job = stack.startJob(bundled, true, -1);
                awaitJob(job, spec, replayed, counter);
                counts = settle(job, spec, replayed, counter);
            }

            step("input and output side by side");
            try (RegistryConnection registry = RegistryConnection.open(spec.registryUrl())) {
                RecordPreview preview = new RecordPreview(spec.bootstrapServers(), registry, out);
                for (TableSpec table : spec.tables()) {
                    preview.print(table, PREVIEW_RECORDS);
                }
            }

            step("counts per table");
            printTable(counts);
            step("stopping");
            out.flush();
            checkBalanced(counts);
            return counts;
        } finally {
            say("done in %.1f s", seconds(started));
            out.flush();
        }
    }

    private Map<String, Long> replay(PipelineSpec spec) {
        Map<String, Long> replayed = new LinkedHashMap<>();
        for (TableSpec table : spec.tables()) {
            String csv = CSV_RESOURCES.get(table.name());
            if (csv == null) {
                throw new IllegalStateException("the demo has no CSV for table " + table.name());
            }
            ReplayResult result = CsvReplayer.builder()
                    .setSource(CsvSource.resource(csv))
                    .setTable(table.schema(), table.keyField())
                    .setTopic(table.inputTopic())
                    .setBootstrapServers(spec.bootstrapServers())
                    .setRegistryUrl(spec.registryUrl())
                    .build()
                    .run();
            replayed.put(table.name(), result.records());
            say("%-13s %5d records -> %s (%.2f s)", table.name(), result.records(), table.inputTopic(),
                    result.seconds());
        }
        return replayed;
    }

    private void awaitJob(LocalJobRunner job, PipelineSpec spec, Map<String, Long> replayed,
                          CommittedRecordCounter counter) throws InterruptedException {
        say("live counts per table: input / committed output / dead letters");
        try {
            while (!job.awaitCompletion(COUNT_INTERVAL)) {
                printLive(job.elapsed(), snapshot(spec, replayed, counter));
            }
        } catch (ExecutionException e) {
            throw new DemoFailedException("the job failed: " + rootMessage(e), e);
        }
        LOG.debug("job {} finished after {} ms", job.jobId(), job.elapsed().toMillis());
    }

    /** Waits until the finished job's output is all visible to the counter (or time is up). */
    private List<TableCounts> settle(LocalJobRunner job, PipelineSpec spec, Map<String, Long> replayed,
                                     CommittedRecordCounter counter) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        List<TableCounts> counts = snapshot(spec, replayed, counter);
        while (!counts.stream().allMatch(TableCounts::balanced) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(COUNT_INTERVAL.toMillis() / 4);
            counts = snapshot(spec, replayed, counter);
        }
        printLive(job.elapsed(), counts);
        return counts;
    }

    private static List<TableCounts> snapshot(PipelineSpec spec, Map<String, Long> replayed,
                                              CommittedRecordCounter counter) {
        List<TableCounts> counts = new ArrayList<>();
        for (TableSpec table : spec.tables()) {
            counts.add(new TableCounts(table.name(), replayed.getOrDefault(table.name(), 0L),
                    counter.committed(table.outputTopic()), counter.deadLetters(table.name())));
        }
        return counts;
    }

    private void printLive(Duration elapsed, List<TableCounts> counts) {
        say("[%5.1f s] %s", elapsed.toMillis() / 1000.0, counts.stream()
                .map(c -> c.table() + " " + c.in() + " / " + c.out() + " / " + c.deadLetters())
                .collect(Collectors.joining("   ")));
    }

    private void printTable(List<TableCounts> counts) {
        out.printf("  %-14s %8s %8s %13s  %s%n", "table", "input", "output", "dead letters", "balanced");
        for (TableCounts c : counts) {
            out.printf("  %-14s %8d %8d %13d  %s%n", c.table(), c.in(), c.out(), c.deadLetters(),
                    c.balanced() ? "yes" : "NO");
        }
    }

    private static void checkBalanced(List<TableCounts> counts) {
        List<String> broken = counts.stream().filter(c -> !c.balanced())
                .map(c -> c.table() + " (" + c.in() + " in, " + c.out() + " out + " + c.deadLetters()
                        + " dead letters)")
                .toList();
        if (!broken.isEmpty()) {
            throw new DemoFailedException("input is not output + dead letters for " + String.join(", ", broken));
        }
    }

    private void step(String what) {
        out.println();
        out.println("== " + what);
        out.flush();
    }

    private void say(String format, Object... args) {
        out.printf(Locale.ROOT, "   " + format + "%n", args);
        out.flush();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record Settings(Path workDir, int kafkaPort, int controllerPort, int registryPort) {}

    /** Builds a {@link DemoRunner}; every option has a default. */
    public static final class Builder {

        private Path workDir;
        private int kafkaPort;
        private int controllerPort;
        private int registryPort;
        private PrintWriter out = new PrintWriter(System.out, true);

        private Builder() {}

        /** Default {@code <repo>/.work/demo}. */
        public Builder optWorkDir(Path dir) {
            this.workDir = Objects.requireNonNull(dir, "workDir");
            return this;
        }

        /** Default 0: a free port. */
        public Builder optKafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        /** Default 0: a free port. */
        public Builder optControllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** Default 0: a free port. */
        public Builder optRegistryPort(int port) {
            this.registryPort = port;
            return this;
        }

        /** Where the demo's report goes. Default stdout. */
        public Builder optOutput(PrintWriter out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        public DemoRunner build() {
            Path dir = workDir != null ? workDir : WorkDirs.repoRoot().resolve(".work").resolve("demo");
            return new DemoRunner(new Settings(dir.toAbsolutePath(), kafkaPort, controllerPort, registryPort), out);
        }
    }
}
