package io.shadowfeed.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.privacy.dp.ledger.ChargeRequest;
import io.shadowfeed.privacy.dp.ledger.PrivacyLedger;
import io.shadowfeed.privacy.dp.ledger.store.KafkaLedgerStore;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code shadowfeed privacy ledger} against a real in-process KRaft broker. */
class PrivacyLedgerCommandITCase {

    @RegisterExtension
    static final EmbeddedKafkaCluster KAFKA = new EmbeddedKafkaCluster();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode ledger(String topic, String... more) throws Exception {
        String[] base = {"privacy", "ledger", "--dataset", "orders", "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--topic", topic};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        CommandRun run = CommandRun.execute(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void declaresThenSummarizesWhileTheWriterKeepsCharging() throws Exception {
        String topic = "ledger-" + EmbeddedKafkaCluster.randomSuffix();
        JsonNode created = ledger(topic, "--budget-epsilon", "5", "--delta", "1e-5");
        assertThat(created.get("created").asBoolean()).isTrue();

        try (PrivacyLedger writer = PrivacyLedger.builder()
                .setStore(KafkaLedgerStore.builder().setBootstrapServers(KAFKA.bootstrapServers()).optTopic(topic)
                        .build())
                .setDataset("orders").build()) {
            writer.charge(ChargeRequest.gaussian(5, 2).setPurpose("drift").setPrincipal("job").build());

            JsonNode summary = ledger(topic);
            assertThat(summary.get("entries").asInt()).isEqualTo(1);
            assertThat(summary.at("/spent/epsilon").asDouble()).isEqualTo(writer.spent().epsilon());
            assertThat(summary.get("created").asBoolean()).isFalse();

            // the command only read: the writer was not fenced
            writer.charge(ChargeRequest.gaussian(5, 1).setPurpose("drift").setPrincipal("job").build());
            assertThat(ledger(topic).get("entries").asInt()).isEqualTo(2);
        }
    }
}
