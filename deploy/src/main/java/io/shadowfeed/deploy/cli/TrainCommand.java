package io.shadowfeed.deploy.cli;

import io.shadowfeed.deploy.train.TrainingProgress;
import io.shadowfeed.trainer.evaluate.gate.GateThresholds;
import io.shadowfeed.job.model.ModelVersion;
import io.shadowfeed.job.model.ModelVersionPublisher;
import io.shadowfeed.trainer.pipeline.TableTrainingPipeline;
import io.shadowfeed.trainer.pipeline.TrainingOutcome;
import io.shadowfeed.trainer.pipeline.TrainingRequest;
import io.shadowfeed.trainer.train.CtganConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code shadowfeed train}: one table's CTGAN, evaluated, judged by the quality gate and published. */
@Command(name = "train", sortOptions = false,
        description = {"Train a CTGAN on one table (CSV with a header, or an Avro container file), evaluate it on "
                + "a held-out share of the rows, judge it by the quality gate and publish it as "
                + "<out>/<table>/v<N>/.",
                "Prints the profile and progress on stderr and the new version's directory as the last line of "
                        + "stdout. Exits 3 when the version failed the quality gate (it is kept, never served "
                        + "as latest), naming the metrics that failed."})
final class TrainCommand implements Callable<Integer> {
    static final int GATE_FAILED = 3;

    @Spec
    private CommandSpec command;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The training data: .csv (header row) or .avro (object container file).")
    private Path data;

    @Option(names = "--metadata", paramLabel = "JSON",
            description = "Column kinds that override inference (CTGAN or SDV metadata JSON).")
    private Path metadata;

    @Option(names = "--table", required = true, paramLabel = "NAME", description = "The table's name.")
    private String table;

    @Option(names = "--out", required = true, paramLabel = "ROOT", description = "The artifact store's root.")
    private Path out;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "300", description = "Epochs (default ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "500",
            description = "Rows per step: even and a multiple of pac 10 (default ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = "cpu",
            description = "cpu, or gpu for a CUDA device (needs the -Pgpu build) (default ${DEFAULT-VALUE}).")
    private String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "PyTorch threads (default: the machine's cores). Use 1 on a machine busy with other "
                    + "work: spinning threads waiting for a busy core make training many times slower.")
    private Integer threads;

    @Option(names = "--holdout", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "Share of rows held out for the evaluation (default ${DEFAULT-VALUE}).")
    private double holdout;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "A categorical column to measure utility on (TSTR against TRTR F1).")
    private String target;

    @Option(names = "--context", paramLabel = "COLUMN", split = ",",
            description = "Parent-context columns (already joined onto the rows) to condition on instead of "
                    + "generating.")
    private List<String> context = new ArrayList<>();

    @Option(names = "--gate", paramLabel = "FILE",
            description = "Quality-gate thresholds (YAML or JSON); default: quality >= 0.80, exact-match rate "
                    + "<= 0, DCR share <= 0.55.")
    private Path gate;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "10",
            description = "Write a resumable checkpoint every N epochs (0: only at the end) "
                    + "(default ${DEFAULT-VALUE}).")
    private int checkpointEvery;

    @Option(names = "--resume", description = "Continue from the table's last checkpoint under --out.")
    private boolean resume;

    @Option(names = "--publish",
            description = "Announce the new version on the models topic, so that running jobs load it and swap it in "
                    + "without a restart. Only a version that passed the quality gate is announced.")
    private boolean publish;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", defaultValue = "localhost:9092",
            description = "Kafka for --publish (default ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    @Option(names = "--models-topic", paramLabel = "TOPIC", defaultValue = "synth.models",
            description = "The compacted topic of model versions for --publish (default ${DEFAULT-VALUE}).")
    private String modelsTopic;

    @Override
    public Integer call() {
        CtganConfig.Builder ctgan = CtganConfig.builder().setEpochs(epochs).setBatchSize(batchSize).setSeed(seed)
                .setCheckpointEvery(checkpointEvery);
        if (threads != null) {
            ctgan.setThreads(threads);
        }
        CtganConfig config;
        try {
            config = ctgan.build();
        } catch (IllegalArgumentException e) {
            // every value the configuration checks came from an option here: a usage error, found before any work
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        TrainingRequest request = TrainingRequest.builder().setData(data).setMetadata(metadata).setTable(table)
                .setOutputRoot(out).setCtgan(config).setDevice(device.toLowerCase(Locale.ROOT))
                .setHoldoutFraction(holdout).setTarget(target).setContextColumns(context)
                .setGate(gate == null ? GateThresholds.defaults() : GateThresholds.read(gate)).setResume(resume)
                .build();
        TrainingOutcome outcome = new TableTrainingPipeline(
                new TrainingProgress(System.err, Terminal.stderrIsTerminal())).run(request);
        // the outcome goes to the command's writers (System.err and System.out unless redirected), so that
        // callers embedding the command line capture it like any other command's output
        PrintWriter stderr = command.commandLine().getErr();
        stderr.printf(Locale.ROOT, "%s: quality %.3f, %.2f s/epoch%n", outcome.version().label(),
                outcome.evaluation().quality(), outcome.secondsPerEpoch());
        stderr.flush();
        PrintWriter stdout = command.commandLine().getOut();
        stdout.println(outcome.version().directory());
        stdout.flush();
        if (!outcome.verdict().passed()) {
            stderr.println("shadowfeed: quality gate failed for " + outcome.version().label() + ": "
                    + outcome.verdict().failureSummary() + " (kept, never served as latest"
                    + (publish ? ", not published)" : ")"));
            stderr.flush();
            return GATE_FAILED;
        }
        if (publish) {
            try (ModelVersionPublisher publisher = ModelVersionPublisher.open(bootstrapServers, modelsTopic)) {
                publisher.publish(ModelVersion.of(outcome.version()));
            }
            stderr.println("published " + outcome.version().label() + " to " + modelsTopic);
            stderr.flush();
        }
        return 0;
    }
}
