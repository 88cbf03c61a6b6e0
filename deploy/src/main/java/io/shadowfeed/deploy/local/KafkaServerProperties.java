package io.shadowfeed.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * The {@code server.properties} of a single-node KRaft broker (combined broker + controller) on loopback: replication
 * factor 1 everywhere and small internal topics, so it starts in seconds and runs exactly-once jobs.
 */
record KafkaServerProperties(String host, int kafkaPort, int controllerPort, Path dataDir) {

    KafkaServerProperties {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        if (kafkaPort < 1 || controllerPort < 1 || kafkaPort == controllerPort) {
            throw new IllegalArgumentException("kafka and controller ports must be two different ports. Provided "
                    + "values: " + kafkaPort + ", " + controllerPort);
        }
    }

    String bootstrapServers() {
        return host + ":" + kafkaPort;
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + kafkaPort + ",CONTROLLER://" + host + ":"
                + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + kafkaPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        // One replica and one partition for the internal topics: a single node, and 50 partitions each would
        // add seconds to the first consumer group and the first transaction.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        // Replays keep the source's event times (2009-2013 data) as record timestamps: time-based retention would
        // delete them minutes after they are written. A local broker keeps everything.
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose (the job, replay, the registry); a typo must not make a new one.
        p.setProperty("auto.create.topics.enable", "false");
        return p;
    }

    void write(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            toProperties().store(out, "single-node KRaft broker written by shadowfeed; rewritten on every start");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
