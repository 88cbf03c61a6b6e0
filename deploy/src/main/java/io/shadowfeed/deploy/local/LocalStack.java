package io.shadowfeed.deploy.local;

import io.shadowfeed.avro.registry.SchemaRegistryServer;
import io.shadowfeed.avro.registry.store.KafkaSchemaStore;
import io.shadowfeed.job.spec.PipelineSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Everything Shadowfeed needs on one machine: a KRaft broker in its own JVM, the schema registry (its schemas in the
 * broker's {@code _schemas} topic) and, on request, the job on a local Flink MiniCluster. Closes in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final String HOST = "127.0.0.1";

    private final Settings settings;
    /** What was started, most recent first: closed in this order. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private LocalKafkaBroker broker;
    private SchemaRegistryServer registry;

    private LocalStack(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the broker and the registry. All ports are checked before anything is launched.
     *
     * @throws PortInUseException naming the option that picks another port
     */
    public synchronized void start() {
        if (broker != null) {
            throw new IllegalStateException("a LocalStack starts once");
        }
        int[] ports = Ports.resolve(HOST, settings.kafkaPort(), settings.controllerPort(), settings.registryPort());
        int kafkaPort = ports[0];
        int controllerPort = ports[1];
        int registryPort = ports[2];
        Ports.requireFree(HOST, kafkaPort, "--kafka-port");
        Ports.requireFree(HOST, controllerPort, "--controller-port");
        Ports.requireFree(HOST, registryPort, "--registry-port");
        try {
            broker = LocalKafkaBroker.builder()
                    .optHost(HOST)
                    .optKafkaPort(kafkaPort)
                    .optControllerPort(controllerPort)
                    .optWorkDir(settings.workDir().resolve("kafka"))
                    .optKeepData(settings.keepData())
                    .build();
            started.push(broker);
            broker.start();
            registry = SchemaRegistryServer.builder()
                    .optHost(HOST)
                    .setPort(registryPort)
                    .setStore(KafkaSchemaStore.builder().setBootstrapServers(broker.bootstrapServers()).build())
                    .build();
            started.push(registry);
            registry.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("local stack up: Kafka {}, schema registry {}", bootstrapServers(), registryUrl());
    }

    /**
     * Runs the job on a local Flink MiniCluster against this stack; the spec's Kafka and registry addresses are
     * replaced with the local ones. The stack cancels it on close.
     *
     * @param webUiPort the port of Flink's web UI, or -1 for none
     */
    public synchronized LocalJobRunner startJob(PipelineSpec spec, boolean bounded, int webUiPort) throws Exception {
        Objects.requireNonNull(spec, "spec");
        if (registry == null) {
            throw new IllegalStateException("start the stack before its job");
        }
        LocalJobRunner job = LocalJobRunner.start(localize(spec), bounded, webUiPort);
        started.push(job);
        return job;
    }

    /** The spec with this stack's Kafka and registry. */
    public PipelineSpec localize(PipelineSpec spec) {
        return spec.withBootstrapServers(bootstrapServers()).withRegistryUrl(registryUrl());
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public Path brokerLog() {
        return broker.logFile();
    }

    /** Closes the job, the registry and the broker, in that order; the first failure is thrown after all closed. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            AutoCloseable service = started.pop();
            try {
                service.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.debug("closing {} failed", service.getClass().getSimpleName(), e);
                if (failure == null) {
                    failure = new IllegalStateException("could not stop " + service.getClass().getSimpleName()
                            + ": " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private record Settings(Path workDir, int kafkaPort, int controllerPort, int registryPort, boolean keepData) {}

    /** Builds a {@link LocalStack}; every option has a default. */
    public static final class Builder {

        private Path workDir;
        private int kafkaPort = 9092;
        private int controllerPort = 9093;
        private int registryPort = 8081;
        private boolean keepData;

        private Builder() {}

        /** Broker data and logs go under here. Default {@code <repo>/.work/local}. */
        public Builder optWorkDir(Path dir) {
            this.workDir = Objects.requireNonNull(dir, "workDir");
            return this;
        }

        /** Kafka's client port; 0 picks a free one. Default 9092. */
        public Builder optKafkaPort(int port) {
            this.kafkaPort = checkPort("kafka port", port);
            return this;
        }

        /** The KRaft controller's port; 0 picks a free one. Default 9093. */
        public Builder optControllerPort(int port) {
            this.controllerPort = checkPort("controller port", port);
            return this;
        }

        /** The schema registry's port; 0 picks a free one. Default 8081. */
        public Builder optRegistryPort(int port) {
            this.registryPort = checkPort("registry port", port);
            return this;
        }

        /** Keep Kafka's data between runs. Default false: every run starts from an empty broker. */
        public Builder optKeepData(boolean keepData) {
            this.keepData = keepData;
            return this;
        }

        public LocalStack build() {
            List<Integer> fixed = java.util.stream.IntStream.of(kafkaPort, controllerPort, registryPort)
                    .filter(p -> p != 0).boxed().toList();
            if (fixed.stream().distinct().count() != fixed.size()) {
                throw new IllegalArgumentException("the kafka, controller and registry ports must differ. Provided "
                        + "values: " + kafkaPort + ", " + controllerPort + ", " + registryPort);
            }
            Path dir = workDir != null ? workDir : WorkDirs.defaultLocalRoot();
            return new LocalStack(new Settings(dir.toAbsolutePath(), kafkaPort, controllerPort, registryPort,
                    keepData));
        }

        private static int checkPort(String name, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be in [0, 65535]. Provided value: " + port);
            }
            return port;
        }
    }
}
