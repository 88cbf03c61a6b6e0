package io.shadowfeed.avro.registry.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaSchemaStoreBuilderTest {

    @Test
    void requiresBootstrapServersAndValidatesEachOption() {
        assertThatThrownBy(() -> KafkaSchemaStore.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bootstrapServers must be set (setBootstrapServers)");
        assertThatThrownBy(() -> KafkaSchemaStore.builder().setBootstrapServers(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrapServers must not be blank. Provided value:  ");
        assertThatThrownBy(() -> KafkaSchemaStore.builder().optTopic("bad topic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("Provided value: bad topic");
        assertThatThrownBy(() -> KafkaSchemaStore.builder().optReplicationFactor(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replicationFactor must be at least 1. Provided value: 0");
        assertThatThrownBy(() -> KafkaSchemaStore.builder().optTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive. Provided value: PT0S");
        assertThatThrownBy(() -> KafkaSchemaStore.builder().optClientProperty("bootstrap.servers", "x:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("set bootstrap.servers with setBootstrapServers");
    }

    @Test
    void defaultsToConfluentsTopicName() {
        KafkaSchemaStore store = KafkaSchemaStore.builder().setBootstrapServers("localhost:9092").build();
        assertThat(store.topic()).isEqualTo("_schemas");
        assertThat(store.describe()).isEqualTo("kafka topic '_schemas' at localhost:9092");
        KafkaSchemaStore custom =
                KafkaSchemaStore.builder().setBootstrapServers("b:9092").optTopic("_schemas.local").build();
        assertThat(custom.topic()).isEqualTo("_schemas.local");
    }
}
