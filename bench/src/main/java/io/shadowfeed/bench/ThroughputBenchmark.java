package io.shadowfeed.bench;

import io.shadowfeed.avro.registry.SchemaRegistryServer;
import io.shadowfeed.avro.registry.store.InMemorySchemaStore;
import io.shadowfeed.deploy.local.LocalKafkaBroker;
import io.shadowfeed.deploy.replay.CsvReplayer;
import io.shadowfeed.deploy.replay.CsvSource;
import io.shadowfeed.deploy.replay.ReplayResult;
import io.shadowfeed.job.ShadowfeedJob;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.TableSpec;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * End-to-end throughput, Kafka -> job -> Kafka, of (a) a plain Flink job that copies bytes from topic to topic and
 * (b) the Shadowfeed job (Avro decode, validate, event time, field policies, encode), on the same records, in the
 * same JVM, alternating, after a warm-up. The broker runs as its own JVM on the same machine; the schema registry
 * runs in this JVM. Prints a JSON report on stdout and, with {@code --markdown}, writes a Markdown section.
 *
 * <p>Per run: output records = input records (order-independent checksums of keys, and of values for the byte
 * copy), zero dead letters, and throughput both by wall time (submission to finish, which includes start-up and
 * the final checkpoint) and by the steady rate between the broker append times of the first and last output
 * records (output topics use LogAppendTime).
 */
@Command(name = "ThroughputBenchmark", sortOptions = false,
        description = {"Records/s Kafka -> job -> Kafka for (a) a Flink byte copy and (b) the Shadowfeed job, on "
                + "the same records, alternating, after a warm-up. JSON report on stdout; progress on stderr.",
                "Exit code 0 when every run's checks pass, 1 when one fails, 2 for bad arguments."})
public final class ThroughputBenchmark implements Callable<Integer> {

    static final double TARGET_RATIO = 0.5;
    private static final String REPO_PROPERTY = "shadowfeed.repo";
    /** Set by bench/run.sh: the commit measured, and whether the working tree differed from it. */
    private static final String REVISION_PROPERTY = "shadowfeed.bench.revision";
    /** The broker JVM's options: as Kafka's own scripts run it (G1), with a heap that fits beside the harness. */
    static final List<String> BROKER_JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true");
    private static final Duration SETTLE = Duration.ofSeconds(1);
    /** Below this many cores used by other processes, the machine counts as quiet. */
    static final double QUIET_CORES = 0.2;
    /** Above this many cores used by other processes on average during a run, the run counts as disturbed. */
    static final double DISTURBED_CORES = 0.25;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "The flights CSV. Default: <repo>/../shared/datasets/nycflights13/flights.csv.")
    private Path csv;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "The Shadowfeed spec: the measured table first, then its parents if any. Default: "
                    + "<repo>/bench/flights.yaml.")
    private Path specFile;

    @Option(names = "--parents", paramLabel = "DIR",
            description = "For a spec with parent tables after the measured one: the directory of their CSVs "
                    + "(<table>.csv), replayed once before the runs. Default: the flights CSV's directory.")
    private Path parentsDir;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "3",
            description = "Replay the CSV K times into the input topic. Default: ${DEFAULT-VALUE}.")
    private int repeat;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
            description = "Partitions of the input and output topics. Default: ${DEFAULT-VALUE}.")
    private int partitions;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Measured rounds; each runs (a) and (b) once. Default: ${DEFAULT-VALUE}.")
    private int rounds;

    @Option(names = "--warm-up-rounds", paramLabel = "N", defaultValue = "2",
            description = "Unmeasured rounds of both jobs before the measured ones (JIT, broker). After only one, "
                    + "the first measured byte copy still ran up to 2x slower than the later ones. Default: "
                    + "${DEFAULT-VALUE}.")
    private int warmUpRounds;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "2s",
            description = "Checkpoint interval of both jobs. Default: ${DEFAULT-VALUE}.")
    private String checkpointInterval;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Write the results as a Markdown section into FILE (replacing an earlier one).")
    private Path markdown;

    @Option(names = "--jfr", paramLabel = "DIR",
            description = "After the measured rounds, run each job once more under Java Flight Recorder, keep "
                    + "the recordings in DIR and print their hot spots (these runs are not measured).")
    private Path jfrDir;

    @Option(names = "--object-reuse", paramLabel = "JOBS", defaultValue = "none",
            description = "Turn on Flink's object reuse (no record copies between chained operators) in the harness "
                    + "for none, b or both jobs. The Shadowfeed job enables it itself, so none and b measure the jobs "
                    + "as they ship; both gives the byte copy reuse too (like-for-like). Default: ${DEFAULT-VALUE}.")
    private String objectReuse;

    @Option(names = "--quiet-wait", paramLabel = "DURATION", defaultValue = "60s",
            description = "Before each run, wait up to this long for other processes to leave the CPUs alone "
                    + "(0s: never wait). Default: ${DEFAULT-VALUE}.")
    private String quietWait;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "4",
            description = "Run a measured round again, at most N times in all, when other processes took more than "
                    + "a quarter of a core during one of its runs (the disturbed runs are reported, not counted). "
                    + "Default: ${DEFAULT-VALUE}.")
    private int maxRetries;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "The broker's data and log. Default: <repo>/.work/bench.")
    private Path workDir;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--command", paramLabel = "TEXT", hidden = true, defaultValue = "bench/run.sh",
            description = "How this run was started, for the report.")
    private String command;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ThroughputBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        checkArguments();
        Duration interval = TimeUtils.parseDuration(checkpointInterval);
        Path repo = Path.of(System.getProperty(REPO_PROPERTY, ".")).toAbsolutePath().normalize();
        Path csvFile = csv != null ? csv : repo.resolve("../shared/datasets/nycflights13/flights.csv").normalize();
        RunSpecs specs = RunSpecs.load(specFile != null ? specFile : repo.resolve("bench/flights.yaml"));
        TableSpec table = specs.base().tables().get(0);
        String startedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();

        try (LocalKafkaBroker broker = LocalKafkaBroker.builder()
                .optKafkaPort(0)
                .optControllerPort(0)
                .optWorkDir(workDir != null ? workDir : repo.resolve(".work/bench"))
                .optJvmOptions(BROKER_JVM_OPTIONS)
                .build();
             SchemaRegistryServer registry = SchemaRegistryServer.builder()
                     .setPort(0)
                     .setStore(new InMemorySchemaStore())
                     .build()) {
            progress("starting the Kafka broker (own JVM) and the schema registry (in this JVM)");
            broker.start();
            registry.start();
            String kafka = broker.bootstrapServers();
            for (TableSpec parent : specs.base().tables().subList(1, specs.base().tables().size())) {
                Path parentCsv = (parentsDir != null ? parentsDir : csvFile.getParent()).resolve(parent.name() + ".csv");
                progress("replaying parent table %s from %s; not measured", parent.name(), parentCsv);
                CsvReplayer.builder().setSource(CsvSource.file(parentCsv))
                        .setTable(parent.schema(), parent.keyField()).setTopic(parent.inputTopic())
                        .setBootstrapServers(kafka).setRegistryUrl(registry.url()).optPartitions(1).build().run();
            }
            ReplayResult replay = replay(csvFile, table, kafka, registry.url());
            TopicContents input = TopicContents.read(kafka, table.inputTopic());
            if (input.records() != replay.records()) {
                throw new IllegalStateException("the input topic holds " + input.records() + " records, but the "
                        + "replay had " + replay.records() + " acknowledged");
            }
            progress("input: %,d records, %.1f bytes per value, replayed in %.1f s", input.records(),
                    (double) input.valueBytes() / input.records(), replay.seconds());

            Runner runner = new Runner(kafka, registry.url(), broker.process(), specs, interval, input,
                    partitions, objectReuse, TimeUtils.parseDuration(quietWait));
            List<RunResult> runs = new ArrayList<>();
            List<String> profiles = new ArrayList<>();
            try (LocalFlinkCluster flink = LocalFlinkCluster.start(specs.base().parallelism())) {
                runner.flink = flink;
                runAll(runner, runs);
                if (jfrDir != null) {
                    profile(runner, runs, profiles);
                }
            }

            BenchmarkReport report = BenchmarkReport.of(setup(startedAt, specs.base().parallelism(), interval),
                    new BenchmarkReport.Input(csvFile.toString(), repeat, table.inputTopic(), partitions,
                            input.records(), BenchmarkReport.round3((double) input.valueBytes() / input.records()),
                            replay.seconds()),
                    runs, TARGET_RATIO, profiles);
            System.out.println(report.toJson());
            if (markdown != null) {
                report.writeMarkdown(markdown);
                progress("wrote the results into %s", markdown);
            }
            progress("(b)/(a) = %.2f by wall, %.2f by steady rate (target >= %.1f); checks %s",
                    report.ratioWall(), report.ratioSteady(), TARGET_RATIO,
                    report.checksPassed() ? "passed" : "FAILED");
            return report.checksPassed() ? 0 : 1;
        }
    }

    /** Produces the CSV, {@code --repeat} times, into the spec's input topic as Confluent Avro (not measured). */
    private ReplayResult replay(Path csvFile, TableSpec table, String kafka, String registryUrl) {
        progress("replaying %s x %d into %s (%d partitions); not measured", csvFile.getFileName(), repeat,
                table.inputTopic(), partitions);
        return CsvReplayer.builder()
                .setSource(CsvSource.file(csvFile))
                .setTable(table.schema(), table.keyField())
                .setTopic(table.inputTopic())
                .setBootstrapServers(kafka)
                .setRegistryUrl(registryUrl)
                .optPartitions(partitions)
                .optRepeat(repeat)
                .build()
                .run();
    }

    /** The warm-up rounds, then the measured rounds (a disturbed one is run again while retries are left). */
    private void runAll(Runner runner, List<RunResult> runs) throws Exception {
        for (int w = 1; w <= warmUpRounds; w++) {
            runs.add(runner.run(JobKind.BYTE_COPY, "warm-up-" + w, false, null));
            runs.add(runner.run(JobKind.SHADOWFEED, "warm-up-" + w, false, null));
        }
        int retriesLeft = maxRetries;
        for (int r = 1; r <= rounds; r++) {
            // a b, b a, a b, ...: a slow drift of the machine's speed hits both jobs alike.
            List<JobKind> order = r % 2 == 1
                    ? List.of(JobKind.BYTE_COPY, JobKind.SHADOWFEED)
                    : List.of(JobKind.SHADOWFEED, JobKind.BYTE_COPY);
            List<RunResult> pair = new ArrayList<>();
            for (JobKind kind : order) {
                pair.add(runner.run(kind, Integer.toString(r), true, null));
            }
            if (pair.stream().anyMatch(ThroughputBenchmark::disturbed) && retriesLeft > 0) {
                retriesLeft--;
                progress("round %d was disturbed by other processes; not counted, running it again", r);
                pair.forEach(run -> runs.add(run.notMeasured(run.round() + ", disturbed")));
                r--;
            } else {
                runs.addAll(pair);
            }
        }
    }

    /** One more run of each job under Java Flight Recorder; prints and keeps the hot spots. Not measured. */
    private void profile(Runner runner, List<RunResult> runs, List<String> profiles) throws Exception {
        Files.createDirectories(jfrDir);
        for (JobKind kind : JobKind.values()) {
            Path file = jfrDir.resolve(kind.letter() + "-" + kind.id() + ".jfr");
            runs.add(runner.run(kind, "profile", false, file));
            String hotSpots = JfrHotSpots.summarize(file);
            Files.writeString(jfrDir.resolve(kind.letter() + "-" + kind.id() + "-hotspots.txt"), hotSpots);
            System.err.println(hotSpots);
            profiles.add(file.toString());
        }
    }

    private BenchmarkReport.Setup setup(String startedAt, int parallelism, Duration interval) {
        return new BenchmarkReport.Setup(startedAt, System.getProperty(REVISION_PROPERTY, "unknown"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                BROKER_JVM_OPTIONS, "the Kafka broker (KRaft, one node) as its own JVM on the same machine",
                parallelism, objectReuse, "exactly-once (transactional KafkaSink, read_committed source)",
                interval.toMillis() / 1000.0, TimeUtils.parseDuration(quietWait).toMillis() / 1000.0, maxRetries,
                warmUpRounds, rounds, rounds > 1 ? "a b, b a, ... (alternating)" : "a b",
                specFile == null ? "bench/flights.yaml" : specFile.toString(), command);
    }

    /** Other processes took more than {@value #DISTURBED_CORES} of a core on average during the run. */
    static boolean disturbed(RunResult run) {
        return run.otherCpuSeconds() > DISTURBED_CORES * run.wallSeconds();
    }

    private void checkArguments() {
        CommandLine cl = new CommandLine(this);
        if (repeat < 1) {
            throw new CommandLine.ParameterException(cl, "--repeat must be >= 1. Provided value: " + repeat);
        }
        if (partitions < 1) {
            throw new CommandLine.ParameterException(cl, "--partitions must be >= 1. Provided value: " + partitions);
        }
        if (rounds < 1) {
            throw new CommandLine.ParameterException(cl, "--rounds must be >= 1. Provided value: " + rounds);
        }
        if (maxRetries < 0) {
            throw new CommandLine.ParameterException(cl, "--max-retries must be >= 0. Provided value: " + maxRetries);
        }
        if (warmUpRounds < 0) {
            throw new CommandLine.ParameterException(cl, "--warm-up-rounds must be >= 0. Provided value: "
                    + warmUpRounds);
        }
        if (!List.of("none", "b", "both").contains(objectReuse)) {
            throw new CommandLine.ParameterException(cl, "--object-reuse must be none, b or both. Provided value: "
                    + objectReuse);
        }
        try {
            TimeUtils.parseDuration(quietWait);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--quiet-wait must be a duration such as 60s. Provided "
                    + "value: " + quietWait);
        }
        try {
            Duration interval = TimeUtils.parseDuration(checkpointInterval);
            if (interval.toMillis() < 10) {
                throw new IllegalArgumentException("too short");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--checkpoint-interval must be a duration of at least "
                    + "10ms such as 2s. Provided value: " + checkpointInterval);
        }
    }

    static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench %s] %s%n",
                java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS), String.format(Locale.ROOT, format, args));
    }

    /** Runs one job over the input and checks its output. */
    private static final class Runner {
        private final String kafka;
        private final String registryUrl;
        private final ProcessHandle brokerProcess;
        private final RunSpecs specs;
        private final PipelineSpec baseSpec;
        private final Duration checkpointInterval;
        private final TopicContents input;
        private final int outputPartitions;
        private final String objectReuse;
        private final Duration quietWait;
        private LocalFlinkCluster flink;
        private int runNumber;

        Runner(String kafka, String registryUrl, ProcessHandle brokerProcess, RunSpecs specs,
               Duration checkpointInterval, TopicContents input, int outputPartitions, String objectReuse,
               Duration quietWait) {
            this.kafka = kafka;
            this.registryUrl = registryUrl;
            this.brokerProcess = brokerProcess;
            this.specs = specs;
            this.baseSpec = specs.base();
            this.checkpointInterval = checkpointInterval;
            this.input = input;
            this.outputPartitions = outputPartitions;
            this.objectReuse = objectReuse;
            this.quietWait = quietWait;
        }

        RunResult run(JobKind kind, String round, boolean measured, Path jfrFile) throws Exception {
            requireBroker();
            // Every run gets its own topics, consumer group and transactional ids, also when a round is repeated.
            String label = Integer.toString(++runNumber);
            String name = "bench-" + kind.id() + "-" + label;
            String outputTopic = "bench." + kind.id() + "." + label;
            String deadLetterTopic = "bench.dlq." + kind.id() + "." + label;
            BenchTopics.createLogAppendTime(kafka, outputTopic, outputPartitions);
            BenchTopics.createLogAppendTime(kafka, deadLetterTopic, 1);

            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(
                    baseSpec.parallelism());
            if (objectReuse.equals("both") || (objectReuse.equals("b") && kind == JobKind.SHADOWFEED)) {
                env.getConfig().enableObjectReuse();
            }
            TableSpec table = baseSpec.tables().get(0);
            if (kind == JobKind.BYTE_COPY) {
                ByteCopyJob.addTo(env, kafka, table.inputTopic(), outputTopic, name, checkpointInterval,
                        baseSpec.parallelism());
            } else {
                ShadowfeedJob.builder()
                        .setSpec(specs.forRun(name, kafka, registryUrl, outputTopic, deadLetterTopic,
                                checkpointInterval))
                        .optBounded(true)
                        .build()
                        .addTo(env);
            }

            settle();
            Recording recording = jfrFile == null ? null : startRecording();
            double jvmCpuBefore = jvmCpuSeconds();
            double brokerCpuBefore = brokerCpuSeconds();
            double machineBefore = MachineCpu.busySeconds();
            LocalFlinkCluster.Timing timing;
            try {
                timing = flink.run(env, "bench (" + kind.letter() + ") " + kind.id() + " " + round,
                        this::brokerGone);
            } catch (Exception e) {
                requireBroker();
                throw e;
            }
            double jvmCpu = jvmCpuSeconds() - jvmCpuBefore;
            double brokerCpu = brokerCpuSeconds() - brokerCpuBefore;
            double otherCpu = Math.max(0, MachineCpu.busySeconds() - machineBefore - jvmCpu - brokerCpu);
            if (recording != null) {
                recording.stop();
                recording.dump(jfrFile);
                recording.close();
            }

            TopicContents output = TopicContents.read(kafka, outputTopic);
            TopicContents deadLetters = TopicContents.read(kafka, deadLetterTopic);
            List<String> failures = check(kind, output, deadLetters);
            double steady = (output.lastAppendMillis() - output.firstAppendMillis()) / 1000.0;
            RunResult result = new RunResult(kind.letter(), kind.id(), round, measured, input.records(),
                    output.records(), deadLetters.records(),
                    BenchmarkReport.round3(timing.wallSeconds()), BenchmarkReport.round3(timing.netRuntimeSeconds()),
                    steady,
                    Math.round(output.records() / timing.wallSeconds()),
                    steady > 0 ? Math.round(output.records() / steady) : Double.NaN,
                    (output.firstAppendMillis() - timing.submitMillis()) / 1000.0,
                    (timing.finishMillis() - output.lastAppendMillis()) / 1000.0,
                    BenchmarkReport.round3(jvmCpu), BenchmarkReport.round3(brokerCpu),
                    BenchmarkReport.round3(otherCpu),
                    BenchmarkReport.round3(output.records() == 0 ? 0 : (double) output.valueBytes() / output.records()),
                    failures, deadLetters.deadLetterReasons(), deadLetters.deadLetterExamples());
            progress("(%s) %-10s round %-9s %,d records, %,d dead letters: wall %.2f s = %,.0f rec/s, steady "
                            + "%.2f s = %,.0f rec/s; CPU s job JVM %.1f, broker %.1f, other processes %.1f%s",
                    kind.letter(), kind.id(), round, output.records(), deadLetters.records(), timing.wallSeconds(),
                    result.recordsPerSecondWall(), steady, result.recordsPerSecondSteady(), jvmCpu, brokerCpu, otherCpu,
                    failures.isEmpty() ? "" : "; CHECKS FAILED: " + failures);
            return result;
        }

        /** A broker that is gone explains a failed or hanging job better than the job's own timeouts. */
        private void requireBroker() {
            String gone = brokerGone();
            if (gone != null) {
                throw new IllegalStateException(gone);
            }
        }

        private String brokerGone() {
            return brokerProcess.isAlive() ? null : "the Kafka broker (pid " + brokerProcess.pid() + ") is gone: "
                    + "killed from outside or crashed; see broker.log in the work dir";
        }

        private List<String> check(JobKind kind, TopicContents output, TopicContents deadLetters) {
            List<String> failures = new ArrayList<>();
            if (output.records() != input.records()) {
                failures.add("output has " + output.records() + " records, input " + input.records());
            }
            if (output.keyChecksum() != input.keyChecksum()) {
                failures.add("output keys differ from input keys");
            }
            if (kind == JobKind.BYTE_COPY && output.valueChecksum() != input.valueChecksum()) {
                failures.add("copied values differ from input values");
            }
            if (deadLetters.records() != 0) {
                failures.add(deadLetters.records() + " dead letters " + deadLetters.deadLetterReasons() + ", e.g. "
                        + deadLetters.deadLetterExamples());
            }
            if (output.records() > 0 && !output.logAppendTime()) {
                failures.add("output records do not carry LogAppendTime timestamps");
            }
            return failures;
        }

        private double brokerCpuSeconds() {
            // NaN if the broker is gone; the run then fails on requireBroker().
            return brokerProcess.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        }

        static double jvmCpuSeconds() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
        }

        /**
         * Lets the broker and this JVM settle (GC, log flushes) so each run starts from a similar state, then waits
         * (up to {@code --quiet-wait}) for a second in which other processes used less than
         * {@value #QUIET_CORES} of a core: on a shared 2-core machine a concurrent build halves a run's speed.
         */
        private void settle() throws InterruptedException {
            System.gc();
            Thread.sleep(SETTLE.toMillis());
            if (quietWait.isZero()) {
                return;
            }
            long deadline = System.nanoTime() + quietWait.toNanos();
            double other = otherCoresOverOneSecond();
            while (!(other < QUIET_CORES) && System.nanoTime() < deadline) {
                other = otherCoresOverOneSecond();
            }
            if (!(other < QUIET_CORES) && !Double.isNaN(other)) {
                progress("other processes still use %.1f cores after waiting %d s; running anyway", other,
                        quietWait.toSeconds());
            }
        }

        private double otherCoresOverOneSecond() throws InterruptedException {
            double machine = MachineCpu.busySeconds();
            double own = jvmCpuSeconds() + brokerCpuSeconds();
            Thread.sleep(1000);
            return (MachineCpu.busySeconds() - machine) - (jvmCpuSeconds() + brokerCpuSeconds() - own);
        }

        private static Recording startRecording() throws Exception {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            // 'profile' samples Java stacks every 10 ms; a run lasts seconds, so sample more often.
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            recording.setToDisk(true);
            recording.start();
            return recording;
        }
    }
}
