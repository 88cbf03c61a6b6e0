package io.shadowfeed.privacy.dp.ledger.store;

import io.shadowfeed.privacy.dp.ledger.ChargeRequest;
import io.shadowfeed.privacy.dp.ledger.LedgerEntry;
import io.shadowfeed.privacy.dp.ledger.LedgerRecordCodec;
import io.shadowfeed.privacy.dp.ledger.LedgerStoreException;
import io.shadowfeed.privacy.dp.ledger.PrivacyBudget;
import io.shadowfeed.privacy.dp.ledger.PrivacyLedger;
import io.shadowfeed.privacy.dp.ledger.PrivacyLoss;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger on a real in-process KRaft broker. */
class KafkaLedgerStoreITCase {

    @RegisterExtension
    static final EmbeddedKafkaCluster KAFKA = new EmbeddedKafkaCluster();

    private static final PrivacyBudget BUDGET = new PrivacyBudget(6, 1e-5);

    private static KafkaLedgerStore.Builder store(String topic) {
        return KafkaLedgerStore.builder().setBootstrapServers(KAFKA.bootstrapServers()).optTopic(topic)
                .optTimeout(Duration.ofSeconds(30));
    }

    private static PrivacyLedger writer(String topic, String dataset) {
        return PrivacyLedger.builder().setStore(store(topic).build()).setDataset(dataset).optBudget(BUDGET)
                .optPrincipal("ops").build();
    }

    private static ChargeRequest counts(String purpose) {
        return ChargeRequest.gaussian(8, 1).setPurpose(purpose).setPrincipal("drift-monitor").build();
    }

    @Test
    void aLedgerRebuiltFromTheTopicHasTheSameEntriesAndTotals() throws Exception {
        String topic = "ledger-" + EmbeddedKafkaCluster.randomSuffix();
        List<LedgerEntry> entries;
        double[] spentRdp;
        try (PrivacyLedger ledger = writer(topic, "adult")) {
            ledger.charge(counts("window 1"));
            ledger.charge(ChargeRequest.subsampledGaussian(0.01, 1.1, 2000).setPurpose("train v1")
                    .setPrincipal("trainer").build());
            ledger.charge(ChargeRequest.builder().setMechanism("tree_aggregation").optParameter("levels", 16)
                    .setLoss(new PrivacyLoss.Zcdp(0.02)).setPurpose("running counts").setPrincipal("job").build());
            entries = ledger.entries();
            spentRdp = ledger.spentRdp();
        }
        // another dataset in the same topic stays apart
        try (PrivacyLedger other = writer(topic, "census")) {
            other.charge(counts("census window"));
        }

        try (PrivacyLedger rebuilt = PrivacyLedger.builder().setStore(store(topic).build()).setDataset("adult")
                .build()) {
            assertThat(rebuilt.budget()).isEqualTo(BUDGET);
            assertThat(rebuilt.entries()).isEqualTo(entries);
            assertThat(rebuilt.spentRdp()).containsExactly(spentRdp);
            assertThat(rebuilt.charge(counts("window 2")).sequence()).isEqualTo(4);
        }

        try (Admin admin = KAFKA.admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
                    .hasSize(1);
        }
        // one key per record, so compaction (last value per key) keeps every one of them
        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.readAll(topic);
        List<String> keys = records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
        assertThat(keys).hasSize(7).doesNotHaveDuplicates()
                .contains("adult/budget", "census/budget", "adult/" + entries.get(0).id());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(LedgerRecordCodec.key(LedgerRecordCodec.decode(value)))
                    .isEqualTo(new String(record.key(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aSecondWriterFencesTheFirstWhoseChargeIsNotGranted() {
        String topic = "ledger-" + EmbeddedKafkaCluster.randomSuffix();
        try (PrivacyLedger first = writer(topic, "adult")) {
            first.charge(counts("window 1"));
            try (PrivacyLedger second = writer(topic, "adult")) {
                assertThatThrownBy(() -> first.charge(counts("window 2 from the old writer")))
                        .isInstanceOf(LedgerStoreException.class)
                        .hasMessageContaining("took over");
                assertThat(first.entries()).hasSize(1);
                second.charge(counts("window 2"));
            }
        }
        try (PrivacyLedger rebuilt = PrivacyLedger.builder().setStore(store(topic).optReadOnly(true).build())
                .setDataset("adult").build()) {
            assertThat(rebuilt.entries()).extracting(LedgerEntry::purpose).containsExactly("window 1", "window 2");
        }
    }

    @Test
    void aReaderFencesNoOne() {
        String topic = "ledger-" + EmbeddedKafkaCluster.randomSuffix();
        try (PrivacyLedger writer = writer(topic, "adult")) {
            writer.charge(counts("window 1"));
            try (PrivacyLedger reader = PrivacyLedger.builder().setStore(store(topic).optReadOnly(true).build())
                    .setDataset("adult").build()) {
                assertThat(reader.entries()).hasSize(1);
                assertThatThrownBy(() -> reader.charge(counts("from the reader")))
                        .isInstanceOf(LedgerStoreException.class)
                        .hasMessageContaining("read only");
            }
            writer.charge(counts("window 2"));
            assertThat(writer.entries()).hasSize(2);
        }
    }

    @Test
    void aTopicThatDeletesRecordsIsRefused() {
        String topic = "ledger-" + EmbeddedKafkaCluster.randomSuffix();
        KAFKA.createTopics(1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE), topic);
        assertThatThrownBy(() -> writer(topic, "adult"))
                .isInstanceOf(LedgerStoreException.class)
                .hasMessageContaining("cleanup.policy=delete");
    }
}
