package io.shadowfeed.deploy.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node KRaft Kafka broker in its own JVM, launched from the Kafka jars on this JVM's classpath. Its output
 * goes to {@code broker.log} in the work folder; {@link #close()} (or this JVM's exit) stops it.
 *
 * <pre>{@code
 * try (LocalKafkaBroker broker = LocalKafkaBroker.builder().optKafkaPort(0).optControllerPort(0).build()) {
 *     broker.start();
 *     ... broker.bootstrapServers() ...
 * }
 * }</pre>
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final int LOG_TAIL_LINES = 25;
    private static final Duration READY_POLL = Duration.ofMillis(200);

    private final Settings settings;
    private KafkaServerProperties serverProperties;
    private ManagedProcess process;
    private boolean closed;

    private LocalKafkaBroker(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the ports, prepares the data folder, launches the broker and waits until it serves metadata.
     *
     * @throws PortInUseException before anything is launched, if a port is taken
     * @throws BrokerStartException if the broker exits or is not ready in time (with the tail of its log)
     */
    public synchronized void start() {
        if (closed || process != null) {
            throw new IllegalStateException("a LocalKafkaBroker starts once");
        }
        String host = settings.host();
        int[] ports = Ports.resolve(host, settings.kafkaPort(), settings.controllerPort());
        int kafkaPort = ports[0];
        int controllerPort = ports[1];
        Ports.requireFree(host, kafkaPort, "--kafka-port");
        Ports.requireFree(host, controllerPort, "--controller-port");

        Path workDir = settings.workDir();
        Path dataDir = workDir.resolve("data");
        if (!settings.keepData()) {
            WorkDirs.deleteRecursively(dataDir);
        }
        WorkDirs.createDirectories(dataDir);
        serverProperties = new KafkaServerProperties(host, kafkaPort, controllerPort, dataDir);
        Path propertiesFile = workDir.resolve("server.properties");
        serverProperties.write(propertiesFile);
        Path log4jFile = writeLog4jConfig(workDir);

        long started = System.nanoTime();
        if (!StorageFormatter.isFormatted(dataDir)) {
            String clusterId = StorageFormatter.format(propertiesFile);
            LOG.debug("formatted {} as cluster {}", dataDir, clusterId);
        }
        process = ManagedProcess.launch("kafka-broker", command(propertiesFile, log4jFile), workDir,
                workDir.resolve("broker.log"), settings.stopTimeout());
        try {
            awaitReady();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Kafka broker ready at {} (pid {}) in {} ms", bootstrapServers(), process.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    public synchronized String bootstrapServers() {
        if (serverProperties == null) {
            throw new IllegalStateException("the broker has not been started");
        }
        return serverProperties.bootstrapServers();
    }

    /** The broker's process, for callers that must see it gone. */
    public synchronized ProcessHandle process() {
        if (process == null) {
            throw new IllegalStateException("the broker has not been started");
        }
        return process.handle();
    }

    public Path logFile() {
        return settings.workDir().resolve("broker.log");
    }

    public Path workDir() {
        return settings.workDir();
    }

    /** Stops the broker (SIGTERM, then SIGKILL after the stop timeout) and, unless kept, deletes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (process != null) {
            process.close();
            LOG.info("Kafka broker stopped");
        }
        // Never pull the data from under a broker that is still shutting down; the next start empties it anyway.
        if (!settings.keepData() && (process == null || !process.isAlive())) {
            WorkDirs.deleteRecursively(settings.workDir().resolve("data"));
        }
    }

    private List<String> command(Path propertiesFile, Path log4jFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        command.add("-Dlog4j2.configurationFile=" + log4jFile.toAbsolutePath());
        command.add("-D" + ParentWatchdogMain.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(settings.classpath());
        command.add(ParentWatchdogMain.class.getName());
        command.add("kafka.Kafka");
        command.add(propertiesFile.toAbsolutePath().toString());
        return command;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new BrokerStartException("the Kafka broker exited with code " + process.exitValue()
                            + " before it was ready; last lines of " + logFile() + ":" + System.lineSeparator()
                            + LogTail.of(logFile(), LOG_TAIL_LINES));
                }
                if (System.nanoTime() > deadline) {
                    throw new BrokerStartException("the Kafka broker was not ready within "
                            + settings.startTimeout().toSeconds() + " s; last lines of " + logFile() + ":"
                            + System.lineSeparator() + LogTail.of(logFile(), LOG_TAIL_LINES));
                }
                if (servesMetadata(admin)) {
                    return;
                }
                sleep(READY_POLL);
            }
        }
    }

    private static boolean servesMetadata(Admin admin) {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000))
                    .nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException notYet) {
            LOG.trace("broker not ready yet: {}", notYet.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /** Broker logs at INFO to stdout, which {@link ManagedProcess} sends to broker.log. */
    private static Path writeLog4jConfig(Path workDir) {
        Path file = workDir.resolve("broker-log4j2.properties");
        String config = String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = STDOUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = STDOUT",
                "logger.statechange.name = state.change.logger",
                "logger.statechange.level = WARN",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                "");
        try {
            Files.writeString(file, config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** The validated options of a broker. */
    private record Settings(String host, int kafkaPort, int controllerPort, Path workDir, boolean keepData,
                            Duration startTimeout, Duration stopTimeout, String classpath,
                            List<String> jvmOptions) {}

    /** Builds a {@link LocalKafkaBroker}; every option has a default. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int kafkaPort = 9092;
        private int controllerPort = 9093;
        private Path workDir;
        private boolean keepData;
        private Duration startTimeout = Duration.ofSeconds(60);
        private Duration stopTimeout = Duration.ofSeconds(15);
        private String classpath = System.getProperty("java.class.path");
        private List<String> jvmOptions = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true");

        private Builder() {}

        /** The loopback address to listen on. Default 127.0.0.1. */
        public Builder optHost(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The client port; 0 picks a free one. Default 9092. */
        public Builder optKafkaPort(int port) {
            this.kafkaPort = checkPort("kafka port", port);
            return this;
        }

        /** The KRaft controller port; 0 picks a free one. Default 9093. */
        public Builder optControllerPort(int port) {
            this.controllerPort = checkPort("controller port", port);
            return this;
        }

        /** Config, data and broker.log go here. Default {@code <repo>/.work/local/kafka}. */
        public Builder optWorkDir(Path dir) {
            this.workDir = Objects.requireNonNull(dir, "workDir");
            return this;
        }

        /** Keep the data between runs instead of starting from an empty broker. Default false. */
        public Builder optKeepData(boolean keepData) {
            this.keepData = keepData;
            return this;
        }

        /** How long the broker may take to serve metadata. Default 60 s. */
        public Builder optStartTimeout(Duration timeout) {
            this.startTimeout = checkPositive("start timeout", timeout);
            return this;
        }

        /** How long a clean shutdown may take before the process is killed. Default 15 s. */
        public Builder optStopTimeout(Duration timeout) {
            this.stopTimeout = checkPositive("stop timeout", timeout);
            return this;
        }

        /** The classpath of the broker JVM; it must hold kafka_2.13. Default: this JVM's classpath. */
        public Builder optClasspath(String classpath) {
            if (classpath == null || classpath.isBlank()) {
                throw new IllegalArgumentException("classpath must not be empty");
            }
            this.classpath = classpath;
            return this;
        }

        /** JVM options of the broker (heap, GC). Default: 1 GB heap, G1 as Kafka's scripts use. */
        public Builder optJvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        public LocalKafkaBroker build() {
            if (kafkaPort != 0 && kafkaPort == controllerPort) {
                throw new IllegalArgumentException("kafka port and controller port must differ. Provided value: "
                        + kafkaPort);
            }
            Path dir = workDir != null ? workDir : WorkDirs.defaultLocalRoot().resolve("kafka");
            return new LocalKafkaBroker(new Settings(host, kafkaPort, controllerPort, dir.toAbsolutePath(),
                    keepData, startTimeout, stopTimeout, classpath, jvmOptions));
        }

        private static int checkPort(String name, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be in [0, 65535]. Provided value: " + port);
            }
            return port;
        }

        private static Duration checkPositive(String name, Duration duration) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive. Provided value: " + duration);
            }
            return duration;
        }
    }
}
