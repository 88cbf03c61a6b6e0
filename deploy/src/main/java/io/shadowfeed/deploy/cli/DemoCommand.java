package io.shadowfeed.deploy.cli;

import io.shadowfeed.deploy.demo.DemoRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code shadowfeed demo}: the whole pipeline on the bundled Chinook tables, on this machine, in a minute. */
@Command(name = "demo", sortOptions = false,
        description = {"Start Kafka and the schema registry locally, replay the bundled Chinook tables (customer, "
                + "invoice, invoice_line), run the job over them and show input beside output, then stop "
                + "everything.",
                "Exits non-zero if any table's input is not exactly its output plus its dead letters."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "0",
            description = "Kafka's port. Default: a free port.")
    private int kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "0",
            description = "The KRaft controller's port. Default: a free port.")
    private int controllerPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "0",
            description = "The schema registry's port. Default: a free port.")
    private int registryPort;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where Kafka's data and log go (emptied first). Default: <repo>/.work/demo.")
    private Path workDir;

    @Override
    public Integer call() throws Exception {
        DemoRunner.Builder demo = DemoRunner.builder()
                .optKafkaPort(kafkaPort)
                .optControllerPort(controllerPort)
                .optRegistryPort(registryPort)
                .optOutput(command.commandLine().getOut());
        if (workDir != null) {
            demo.optWorkDir(workDir);
        }
        demo.build().run();
        return 0;
    }
}
