package io.shadowfeed.deploy.cli;

import io.shadowfeed.deploy.local.LocalJobRunner;
import io.shadowfeed.job.spec.PipelineSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code shadowfeed job}: the streaming job on a local Flink environment, against an existing Kafka + registry. */
@Command(name = "job", sortOptions = false,
        description = {"Run the Shadowfeed job on a local Flink environment against existing Kafka and schema "
                + "registry, until Ctrl-C (or, with --bounded, until the input present at start is processed).",
                "With --bounded, prints {\"job\", \"state\", \"seconds\"} as JSON at the end."})
final class JobCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--spec", required = true, paramLabel = "SPEC",
            description = "The pipeline spec (YAML file, or classpath:RESOURCE).")
    private String specLocation;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--bounded",
            description = "Process the input topics up to their offsets at start, then finish.")
    private boolean bounded;

    @Option(names = "--web-ui-port", paramLabel = "PORT",
            description = "Serve Flink's web UI on this port. Default: no web UI.")
    private Integer webUiPort;

    @Override
    public Integer call() throws Exception {
        PipelineSpec spec = connection.applyTo(Specs.load(specLocation));
        PrintWriter err = command.commandLine().getErr();
        ShutdownSignal shutdown = bounded ? null : new ShutdownSignal();
        try (LocalJobRunner job = LocalJobRunner.start(spec, bounded, webUiPort == null ? -1 : webUiPort)) {
            err.println("shadowfeed job: running '" + job.jobName() + "' (" + job.jobId() + ") on Kafka "
                    + spec.bootstrapServers() + (bounded ? "; finishes at the end of the input present now"
                    : "; Ctrl-C to stop"));
            err.flush();
            if (bounded) {
                job.awaitCompletion();
                command.commandLine().getOut().printf(Locale.ROOT,
                        "{\"job\":\"%s\",\"state\":\"FINISHED\",\"seconds\":%.3f}%n", job.jobId(),
                        job.elapsed().toMillis() / 1000.0);
                command.commandLine().getOut().flush();
            } else {
                shutdown.await();
            }
        } finally {
            if (shutdown != null) {
                shutdown.done();
            }
        }
        return 0;
    }
}
