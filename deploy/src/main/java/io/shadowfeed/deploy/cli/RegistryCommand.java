package io.shadowfeed.deploy.cli;

import io.shadowfeed.avro.registry.SchemaRegistryServer;
import io.shadowfeed.avro.registry.store.InMemorySchemaStore;
import io.shadowfeed.avro.registry.store.KafkaSchemaStore;
import io.shadowfeed.avro.registry.store.SchemaStore;
import io.shadowfeed.deploy.local.Ports;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code shadowfeed registry}: a Confluent-compatible schema registry until Ctrl-C. */
@Command(name = "registry", sortOptions = false,
        description = "Run a Confluent-compatible schema registry (REST API) until Ctrl-C, its schemas kept in "
                + "Kafka's _schemas topic or in memory.")
final class RegistryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8081",
            description = "Port to listen on. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (0.0.0.0 for all). Default: ${DEFAULT-VALUE}.")
    private String host;

    @ArgGroup(exclusive = true)
    private Store store = new Store();

    static final class Store {
        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
                description = "Keep schemas in the _schemas topic of this Kafka. Default: 127.0.0.1:9092.")
        String bootstrapServers = "127.0.0.1:9092";

        @Option(names = "--in-memory", description = "Keep schemas in memory only (lost on exit).")
        boolean inMemory;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(command.commandLine(), "--port must be in [0, 65535]. Provided value: " + port);
        }
        if (port != 0) {
            Ports.requireFree(host, port, "--port");
        }
        SchemaStore schemaStore = store.inMemory
                ? new InMemorySchemaStore()
                : KafkaSchemaStore.builder().setBootstrapServers(store.bootstrapServers).build();
        ShutdownSignal shutdown = new ShutdownSignal();
        try (SchemaRegistryServer server = SchemaRegistryServer.builder()
                .setPort(port)
                .optHost(host)
                .setStore(schemaStore)
                .build()) {
            server.start();
            PrintWriter err = command.commandLine().getErr();
            err.println("shadowfeed registry: serving " + server.url() + " (schemas in "
                    + (store.inMemory ? "memory" : "Kafka at " + store.bootstrapServers) + "); Ctrl-C to stop");
            err.flush();
            shutdown.await();
        } finally {
            shutdown.done();
        }
        return 0;
    }
}
