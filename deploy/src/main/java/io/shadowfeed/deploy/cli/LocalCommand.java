package io.shadowfeed.deploy.cli;

import io.shadowfeed.deploy.local.LocalStack;
import io.shadowfeed.deploy.local.WorkDirs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code shadowfeed local}: Kafka (KRaft) + schema registry (+ the job) on this machine until Ctrl-C. */
@Command(name = "local", sortOptions = false,
        description = "Start a local stack until Ctrl-C: a single-node Kafka broker (KRaft, its own JVM), the "
                + "schema registry and, with --spec, the job on a local Flink environment.")
final class LocalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka's port. Default: ${DEFAULT-VALUE}.")
    private int kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "9093",
            description = "The KRaft controller's port. Default: ${DEFAULT-VALUE}.")
    private int controllerPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
            description = "The schema registry's port. Default: ${DEFAULT-VALUE}.")
    private int registryPort;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where Kafka's data and log go. Default: <repo>/.work/local.")
    private Path workDir;

    @Option(names = "--keep-data", description = "Keep Kafka's data from the last run (default: start empty).")
    private boolean keepData;

    @Option(names = "--spec", paramLabel = "SPEC",
            description = "Also run the job with this spec (YAML file, or classpath:RESOURCE); its Kafka and "
                    + "registry addresses are replaced by the local ones.")
    private String specLocation;

    @Option(names = "--web-ui-port", paramLabel = "PORT",
            description = "With --spec: serve Flink's web UI on this port. Default: no web UI.")
    private Integer webUiPort;

    @Override
    public Integer call() throws Exception {
        var spec = specLocation == null ? null : Specs.load(specLocation);
        PrintWriter err = command.commandLine().getErr();
        ShutdownSignal shutdown = new ShutdownSignal();
        try (LocalStack stack = LocalStack.builder()
                .optKafkaPort(kafkaPort)
                .optControllerPort(controllerPort)
                .optRegistryPort(registryPort)
                .optWorkDir(workDir == null ? WorkDirs.defaultLocalRoot() : workDir)
                .optKeepData(keepData)
                .build()) {
            stack.start();
            err.println("shadowfeed local: Kafka at " + stack.bootstrapServers() + " (log: " + stack.brokerLog()
                    + ")");
            err.println("shadowfeed local: schema registry at " + stack.registryUrl());
            if (spec != null) {
                var job = stack.startJob(spec, false, webUiPort == null ? -1 : webUiPort);
                err.println("shadowfeed local: job '" + job.jobName() + "' running"
                        + (webUiPort == null ? "" : "; Flink web UI at http://127.0.0.1:" + webUiPort));
            }
            err.println("shadowfeed local: Ctrl-C to stop");
            err.flush();
            shutdown.await();
            err.println("shadowfeed local: stopping");
            err.flush();
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
