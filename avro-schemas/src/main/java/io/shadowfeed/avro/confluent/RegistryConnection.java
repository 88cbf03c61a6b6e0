package io.shadowfeed.avro.confluent;

import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;

import java.io.IOException;
import java.util.Objects;

/**
 * A caching client of a Confluent-compatible schema registry (the official client, shaded). Not serializable: Flink
 * operators keep the URL and open a connection in {@code open()}.
 */
public final class RegistryConnection implements AutoCloseable {

    /** How many schemas per subject the client caches, Confluent's usual default. */
    private static final int CACHE_CAPACITY = 1000;

    private final String url;
    private final SchemaRegistryClient client;

    private RegistryConnection(String url, SchemaRegistryClient client) {
        this.url = url;
        this.client = client;
    }

    public static RegistryConnection open(String url) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("registry url must start with http:// or https://. Provided value: "
                    + url);
        }
        return new RegistryConnection(url, new CachedSchemaRegistryClient(url, CACHE_CAPACITY));
    }

    /** Over a given client: unit tests of this package use Confluent's mock client. */
    static RegistryConnection forClient(String url, SchemaRegistryClient client) {
        return new RegistryConnection(url, client);
    }

    public String url() {
        return url;
    }

    /** Registers (or finds) a schema under a subject and returns its global id. */
    public int register(String subject, String avroJson) {
        try {
            return client.register(subject, new AvroSchema(avroJson));
        } catch (RestClientException e) {
            throw new IllegalStateException("registry refused schema for subject '" + subject + "' (error "
                    + e.getErrorCode() + "): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RegistryUnavailableException("schema registry at " + url + " is unreachable", e);
        }
    }

    /** The Avro JSON of a schema id. */
    public String schemaById(int id) throws DecodeException {
        return ((AvroSchema) parsedSchemaById(id)).rawSchema().toString();
    }

    Object parsedSchemaById(int id) throws DecodeException {
        try {
            return client.getSchemaById(id);
        } catch (RestClientException e) {
            if (e.getStatus() == 404) {
                throw new DecodeException(DecodeFailure.UNKNOWN_SCHEMA_ID,
                        "schema id " + id + " is not in the registry (error " + e.getErrorCode() + ")");
            }
            throw new RegistryUnavailableException("schema registry at " + url + " failed for id " + id, e);
        } catch (IOException e) {
            throw new RegistryUnavailableException("schema registry at " + url + " is unreachable", e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new RegistryUnavailableException("could not close the registry client of " + url, e);
        }
    }
}
