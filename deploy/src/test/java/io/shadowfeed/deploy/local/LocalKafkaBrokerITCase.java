package io.shadowfeed.deploy.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the broker as a real separate JVM on free ports, uses it, stops it, and checks nothing is left. */
class LocalKafkaBrokerITCase {

    private static final String TOPIC = "roundtrip";

    @TempDir
    Path workDir;

    @Test
    void servesARoundTripAndLeavesNoProcessNorPortBehind() throws Exception {
        LocalKafkaBroker broker = LocalKafkaBroker.builder()
                .optKafkaPort(0)
                .optControllerPort(0)
                .optWorkDir(workDir)
                .optJvmOptions(List.of("-Xmx512m"))
                .build();
        ProcessHandle process;
        int port;
        try {
            broker.start();
            process = broker.process();
            port = Integer.parseInt(broker.bootstrapServers().substring(broker.bootstrapServers().indexOf(':') + 1));
            assertThat(process.isAlive()).isTrue();
            assertThat(process.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(Ports.isFree("127.0.0.1", port)).isFalse();

            List<String> received = roundTrip(broker.bootstrapServers());

            assertThat(received).containsExactly("value-0", "value-1", "value-2", "value-3", "value-4");
        } finally {
            broker.close();
        }
        assertThat(process.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(Ports.isFree("127.0.0.1", port)).isTrue();
        assertThat(workDir.resolve("data")).doesNotExist();
        assertThat(workDir.resolve("broker.log")).isNotEmptyFile();
    }

    private static List<String> roundTrip(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "key-" + i, "value-" + i)).get(30, TimeUnit.SECONDS);
            }
        }
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.size() < 5 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
