package io.shadowfeed.testutils;

import io.shadowfeed.avro.registry.SchemaRegistryServer;
import io.shadowfeed.avro.registry.store.KafkaSchemaStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The project's Confluent-compatible registry on an ephemeral port, storing schemas in the {@code _schemas} topic of
 * an {@link EmbeddedKafkaCluster}. Register it after the cluster ({@code @Order}); clients reach it over HTTP.
 */
public final class EmbeddedSchemaRegistry implements BeforeAllCallback, AfterAllCallback {

    private final EmbeddedKafkaCluster kafka;
    private SchemaRegistryServer server;

    public EmbeddedSchemaRegistry(EmbeddedKafkaCluster kafka) {
        this.kafka = kafka;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = SchemaRegistryServer.builder()
                .setPort(0)
                .setStore(KafkaSchemaStore.builder().setBootstrapServers(kafka.bootstrapServers()).build())
                .build();
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public String url() {
        return server.url();
    }
}
