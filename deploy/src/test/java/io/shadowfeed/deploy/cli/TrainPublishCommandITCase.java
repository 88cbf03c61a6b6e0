package io.shadowfeed.deploy.cli;

import io.shadowfeed.job.model.ModelVersion;
import io.shadowfeed.job.model.ModelVersionJson;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code shadowfeed train --publish} announces a passing version on a real broker's models topic, and only then. */
class TrainPublishCommandITCase {

    @RegisterExtension
    static final EmbeddedKafkaCluster KAFKA = new EmbeddedKafkaCluster();

    @TempDir
    Path root;

    @Test
    void aPassingVersionIsAnnouncedAndAFailingOneIsNot() throws Exception {
        String topic = "models-" + EmbeddedKafkaCluster.randomSuffix();
        StringBuilder csv = new StringBuilder("colour,amount\n");
        for (int i = 0; i < 40; i++) {
            csv.append(List.of("red", "green", "blue").get(i % 3)).append(',').append(i * 7 % 23).append('\n');
        }
        Path data = Files.writeString(root.resolve("paint.csv"), csv.toString());
        Path noGate = Files.writeString(root.resolve("no-gate.yaml"),
                "min_quality: null\nmax_exact_match_rate: null\nmax_dcr_share: null\n");
        Path impossibleGate = Files.writeString(root.resolve("strict.yaml"), "min_quality: 1.0\n");
        Path store = root.resolve("models");

        CommandRun passing = CommandRun.execute("train", "--data", data.toString(), "--table", "paint", "--out",
                store.toString(), "--epochs", "1", "--batch-size", "10", "--threads", "1", "--gate",
                noGate.toString(), "--publish", "--bootstrap-servers", KAFKA.bootstrapServers(), "--models-topic",
                topic);
        assertThat(passing.exitCode()).as(passing.err()).isZero();
        assertThat(passing.err()).contains("published paint/v1 to " + topic);
        CommandRun failing = CommandRun.execute("train", "--data", data.toString(), "--table", "paint", "--out",
                store.toString(), "--epochs", "1", "--batch-size", "10", "--threads", "1", "--gate",
                impossibleGate.toString(), "--publish", "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--models-topic", topic);
        assertThat(failing.exitCode()).isEqualTo(TrainCommand.GATE_FAILED);
        assertThat(failing.err()).contains("not published");

        List<ConsumerRecord<byte[], byte[]>> events = KAFKA.readAll(topic);
        assertThat(events).hasSize(1);
        assertThat(new String(events.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("paint");
        ModelVersion event = ModelVersionJson.decode(events.get(0).value());
        assertThat(event.label()).isEqualTo("paint/v1");
        assertThat(event.gatePassed()).isTrue();
        assertThat(Path.of(event.location())).isEqualTo(store.resolve("paint").resolve("v1").toAbsolutePath());
        assertThat(KAFKA.admin().describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic))).all().get().values().iterator()
                .next().get("cleanup.policy").value()).isEqualTo("compact");
    }
}
