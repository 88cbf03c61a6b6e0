package io.shadowfeed.avro.registry;

import io.shadowfeed.avro.registry.store.KafkaSchemaStore;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;

import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.SubjectVersion;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.shadowfeed.avro.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Confluent's own (shaded) client against the registry over HTTP, with the records in a {@code _schemas} topic on a
 * real broker; error codes and bodies checked with raw HTTP; ids and versions across a restart.
 */
class SchemaRegistryConformanceITCase {

    @RegisterExtension
    static final EmbeddedKafkaCluster KAFKA = new EmbeddedKafkaCluster();

    private static final String ORDER_V1 = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.shadowfeed.it\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"amount\",\"type\":\"double\"}]}";
    /** ORDER_V1 with other whitespace and attribute order: the same schema. */
    private static final String ORDER_V1_REFORMATTED = "{\n  \"namespace\": \"io.shadowfeed.it\", \"name\": \"Order\","
            + " \"type\": \"record\",\n  \"fields\": [ {\"type\": \"long\", \"name\": \"id\"},"
            + " {\"type\": \"double\", \"name\": \"amount\"} ]\n}";
    /** ORDER_V1 plus an optional field with a default: BACKWARD compatible. */
    private static final String ORDER_V2 = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"io.shadowfeed.it\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"amount\",\"type\":\"double\"},"
            + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    /** ORDER_V1 plus a required field: not BACKWARD compatible. */
    private static final String ORDER_REQUIRED_FIELD = "{\"type\":\"record\",\"name\":\"Order\","
            + "\"namespace\":\"io.shadowfeed.it\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"amount\",\"type\":\"double\"},{\"name\":\"currency\",\"type\":\"string\"}]}";

    private static SchemaRegistryServer server;
    private static RegistryHttp http;

    @BeforeAll
    static void startRegistry() {
        startServer();
    }

    @AfterAll
    static void stopRegistry() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSameSchemaGetsTheSameIdInTheSameAndInAnotherSubject() throws Exception {
        String subject = subject("same");
        int id = client().register(subject, new AvroSchema(ORDER_V1));
        assertThat(client().register(subject, new AvroSchema(ORDER_V1))).isEqualTo(id);
        assertThat(http.post("/subjects/" + subject + "/versions", schemaBody(ORDER_V1_REFORMATTED)).json().get("id")
                .asInt()).isEqualTo(id);
        assertThat(client().getAllVersions(subject)).containsExactly(1);

        String other = subject("same-other");
        assertThat(client().register(other, new AvroSchema(ORDER_V1))).isEqualTo(id);
        assertThat(client().getAllVersions(other)).containsExactly(1);
        assertThat(client().getAllSubjectsById(id)).contains(subject, other);
        assertThat(client().getAllVersionsById(id))
                .extracting(SubjectVersion::getSubject, SubjectVersion::getVersion)
                .contains(org.assertj.core.groups.Tuple.tuple(subject, 1), org.assertj.core.groups.Tuple.tuple(other, 1));

        assertThat(client().getSchemaById(id).canonicalString()).isEqualTo(new AvroSchema(ORDER_V1).canonicalString());
        RegistryHttp.Response byId = http.get("/schemas/ids/" + id);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(RegistryHttp.json(byId.json().get("schema").asText())).isEqualTo(RegistryHttp.json(ORDER_V1));

        RegistryHttp.Response lookup = http.post("/subjects/" + other, schemaBody(ORDER_V1_REFORMATTED));
        assertThat(lookup.json().get("subject").asText()).isEqualTo(other);
        assertThat(lookup.json().get("id").asInt()).isEqualTo(id);
        assertThat(lookup.json().get("version").asInt()).isEqualTo(1);
        assertThat(client().getId(other, new AvroSchema(ORDER_V1))).isEqualTo(id);
    }

    @Test
    void evolutionFollowsBackwardCompatibility() throws Exception {
        String subject = subject("evolve");
        CachedSchemaRegistryClient client = client();
        int v1 = client.register(subject, new AvroSchema(ORDER_V1));

        assertThat(client().testCompatibility(subject, new AvroSchema(ORDER_V2))).isTrue();
        assertThat(client().testCompatibility(subject, new AvroSchema(ORDER_REQUIRED_FIELD))).isFalse();
        assertThat(client().testCompatibilityVerbose(subject, new AvroSchema(ORDER_REQUIRED_FIELD)))
                .anySatisfy(m -> assertThat(m).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("currency"));

        assertThatThrownBy(() -> client().register(subject, new AvroSchema(ORDER_REQUIRED_FIELD)))
                .isInstanceOfSatisfying(RestClientException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(409);
                    assertThat(e.getErrorCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("incompatible with an earlier schema for subject \"" + subject);
                });

        int v2 = client().register(subject, new AvroSchema(ORDER_V2));
        assertThat(v2).isNotEqualTo(v1);
        assertThat(client().getAllVersions(subject)).containsExactly(1, 2);
        SchemaMetadata latest = client().getLatestSchemaMetadata(subject);
        assertThat(latest.getVersion()).isEqualTo(2);
        assertThat(latest.getId()).isEqualTo(v2);
        assertThat(new AvroSchema(latest.getSchema()).canonicalString())
                .isEqualTo(new AvroSchema(ORDER_V2).canonicalString());
        assertThat(client().getSchemaMetadata(subject, 1).getId()).isEqualTo(v1);
    }

    @Test
    void compatibilityLevelsCanBeSetPerSubjectAndGlobally() throws Exception {
        String subject = subject("config");
        client().register(subject, new AvroSchema(ORDER_V1));

        assertThat(http.get("/config").json()).isEqualTo(RegistryHttp.json("{\"compatibilityLevel\":\"BACKWARD\"}"));
        assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);
        assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").json().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");

        assertThat(client().updateCompatibility(subject, "NONE")).isEqualTo("NONE");
        assertThat(client().getCompatibility(subject)).isEqualTo("NONE");
        assertThat(client().register(subject, new AvroSchema(ORDER_REQUIRED_FIELD))).isPositive();
        assertThat(client().getAllVersions(subject)).containsExactly(1, 2);

        assertThat(http.put("/config/" + subject, "{\"compatibility\":\"FORWARD\"}").json())
                .isEqualTo(RegistryHttp.json("{\"compatibility\":\"FORWARD\"}"));
        assertThat(http.delete("/config/" + subject).json())
                .isEqualTo(RegistryHttp.json("{\"compatibilityLevel\":\"FORWARD\"}"));
        assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);

        try {
            assertThat(http.put("/config", "{\"compatibility\":\"full_transitive\"}").json())
                    .isEqualTo(RegistryHttp.json("{\"compatibility\":\"FULL_TRANSITIVE\"}"));
            assertThat(client().getCompatibility(null)).isEqualTo("FULL_TRANSITIVE");
            assertThat(client().testCompatibility(subject, new AvroSchema(ORDER_V1))).isFalse();
        } finally {
            http.put("/config", "{\"compatibility\":\"BACKWARD\"}");
        }
    }

    @Test
    void subjectsAreSoftDeletedFirstThenPermanently() throws Exception {
        String subject = subject("delete");
        String unique = "{\"type\":\"record\",\"name\":\"OnlyHere\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
        int id = client().register(subject, new AvroSchema(unique));

        assertThat(http.delete("/subjects/" + subject + "?permanent=true").errorCode()).isEqualTo(40405);
        assertThat(client().deleteSubject(subject)).containsExactly(1);
        assertThat(client().getAllSubjects()).doesNotContain(subject);
        assertThat(client().getAllSubjects(true)).contains(subject);
        assertThat(http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").json())
                .isEqualTo(RegistryHttp.json("[1]"));
        RegistryHttp.Response again = http.delete("/subjects/" + subject);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo(40404);
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);

        assertThat(client().deleteSubject(subject, true)).containsExactly(1);
        assertThat(client().getAllSubjects(true)).doesNotContain(subject);
        assertThat(http.get("/schemas/ids/" + id).errorCode()).isEqualTo(40403);
        assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(40401);

        // a version: soft, then permanent; re-registering after a soft delete makes a new version, same id
        int reused = client().register(subject, new AvroSchema(unique));
        assertThat(http.delete("/subjects/" + subject + "/versions/1").json().asInt()).isEqualTo(1);
        assertThat(http.delete("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40406);
        assertThat(client().register(subject, new AvroSchema(unique))).isEqualTo(reused);
        assertThat(client().getAllVersions(subject)).containsExactly(2);
        assertThat(http.delete("/subjects/" + subject + "/versions/2?permanent=true").errorCode()).isEqualTo(40407);
        assertThat(http.delete("/subjects/" + subject + "/versions/1?permanent=true").json().asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").json())
                .isEqualTo(RegistryHttp.json("[2]"));
    }

    @Test
    void errorsCarryConfluentsCodesAndBodies() {
        String subject = subject("errors");
        http.post("/subjects/" + subject + "/versions", schemaBody(ORDER_V1));

        RegistryHttp.Response noSubject = http.get("/subjects/no-such-subject/versions");
        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(noSubject.json()).isEqualTo(RegistryHttp.json(
                "{\"error_code\":40401,\"message\":\"Subject 'no-such-subject' not found.\"}"));

        RegistryHttp.Response noVersion = http.get("/subjects/" + subject + "/versions/42");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.json())
                .isEqualTo(RegistryHttp.json("{\"error_code\":40402,\"message\":\"Version 42 not found.\"}"));

        RegistryHttp.Response badVersion = http.get("/subjects/" + subject + "/versions/first");
        assertThat(badVersion.status()).isEqualTo(422);
        assertThat(badVersion.errorCode()).isEqualTo(42202);
        assertThat(badVersion.message()).contains("'first'");
        assertThat(http.get("/subjects/" + subject + "/versions/0").errorCode()).isEqualTo(42202);

        RegistryHttp.Response badSchema =
                http.post("/subjects/" + subject + "/versions", schemaBody("{\"type\":\"recrd\"}"));
        assertThat(badSchema.status()).isEqualTo(422);
        assertThat(badSchema.errorCode()).isEqualTo(42201);
        assertThat(badSchema.message()).startsWith("Invalid schema");

        RegistryHttp.Response protobuf = http.post("/subjects/" + subject + "/versions",
                schemaBody("syntax = \"proto3\"; message M {}", "PROTOBUF"));
        assertThat(protobuf.status()).isEqualTo(422);
        assertThat(protobuf.errorCode()).isEqualTo(42201);
        assertThat(protobuf.message()).contains("PROTOBUF");

        RegistryHttp.Response badLevel = http.put("/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}");
        assertThat(badLevel.status()).isEqualTo(422);
        assertThat(badLevel.errorCode()).isEqualTo(42203);
        assertThat(badLevel.message()).contains("SIDEWAYS");

        RegistryHttp.Response noSchema = http.get("/schemas/ids/987654");
        assertThat(noSchema.status()).isEqualTo(404);
        assertThat(noSchema.json())
                .isEqualTo(RegistryHttp.json("{\"error_code\":40403,\"message\":\"Schema 987654 not found\"}"));

        RegistryHttp.Response unknown = http.get("/subjectz");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(404);

        assertThatThrownBy(() -> client().getAllVersions("no-such-subject"))
                .isInstanceOfSatisfying(RestClientException.class, e -> assertThat(e.getErrorCode()).isEqualTo(40401));
        assertThatThrownBy(() -> client().getSchemaById(987654))
                .isInstanceOfSatisfying(RestClientException.class, e -> assertThat(e.getErrorCode()).isEqualTo(40403));
    }

    @Test
    void compatibilityChecksAnswerVerbosely() {
        String subject = subject("verbose");
        http.post("/subjects/" + subject + "/versions", schemaBody(ORDER_V1));

        RegistryHttp.Response incompatible = http.post(
                "/compatibility/subjects/" + subject + "/versions/latest?verbose=true", schemaBody(ORDER_REQUIRED_FIELD));
        assertThat(incompatible.status()).isEqualTo(200);
        assertThat(incompatible.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.json().get("messages").toString())
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "{compatibility: 'BACKWARD'}");

        RegistryHttp.Response compatible =
                http.post("/compatibility/subjects/" + subject + "/versions/1?verbose=true", schemaBody(ORDER_V2));
        assertThat(compatible.json()).isEqualTo(RegistryHttp.json("{\"is_compatible\":true,\"messages\":[]}"));
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions", schemaBody(ORDER_V2)).json())
                .isEqualTo(RegistryHttp.json("{\"is_compatible\":true}"));
        assertThat(http.post("/compatibility/subjects/" + subject + "/versions/7", schemaBody(ORDER_V2)).errorCode())
                .isEqualTo(40402);
        assertThat(http.post("/compatibility/subjects/new-subject/versions/latest", schemaBody(ORDER_V2)).json())
                .isEqualTo(RegistryHttp.json("{\"is_compatible\":true}"));
    }

    @Test
    void concurrentRegistrationsOfOneSchemaGetOneId() throws Exception {
        String subject = subject("concurrent");
        String schema = "{\"type\":\"record\",\"name\":\"Race\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}";
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String target = i % 2 == 0 ? subject : subject + "-twin";
                Callable<Integer> register = () -> {
                    go.await();
                    return http.post("/subjects/" + target + "/versions", schemaBody(schema)).json().get("id").asInt();
                };
                ids.add(pool.submit(register));
            }
            go.countDown();
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> id : ids) {
                distinct.add(id.get());
            }
            assertThat(distinct).hasSize(1);
            assertThat(distinct.iterator().next()).isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(client().getAllVersions(subject)).containsExactly(1);
        assertThat(client().getAllVersions(subject + "-twin")).containsExactly(1);
    }

    @Test
    void idsAndVersionsSurviveARestartOnTheSameTopic() throws Exception {
        String subject = subject("restart");
        int v1 = client().register(subject, new AvroSchema(ORDER_V1));
        int v2 = client().register(subject, new AvroSchema(ORDER_V2));
        client().updateCompatibility(subject, "FULL");
        String deleted = subject("restart-deleted");
        client().register(deleted, new AvroSchema(ORDER_V1));
        client().deleteSubject(deleted);
        int maxIdBefore = maxIdInUse();

        server.close();
        startServer();

        assertThat(client().getAllVersions(subject)).containsExactly(1, 2);
        assertThat(client().getSchemaMetadata(subject, 1).getId()).isEqualTo(v1);
        assertThat(client().getLatestSchemaMetadata(subject).getId()).isEqualTo(v2);
        assertThat(client().getCompatibility(subject)).isEqualTo("FULL");
        assertThat(client().getAllSubjects()).contains(subject).doesNotContain(deleted);
        assertThat(client().getAllSubjects(true)).contains(deleted);
        assertThat(client().register(subject, new AvroSchema(ORDER_V2))).isEqualTo(v2);

        String fresh = "{\"type\":\"record\",\"name\":\"AfterRestart\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
        int next = client().register(subject("restart-new"), new AvroSchema(fresh));
        assertThat(next).isEqualTo(maxIdBefore + 1);

        try (Admin admin = KAFKA.admin()) {
            TopicDescription topic = admin.describeTopics(List.of(KafkaSchemaStore.DEFAULT_TOPIC))
                    .allTopicNames().get().get(KafkaSchemaStore.DEFAULT_TOPIC);
            assertThat(topic.partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, KafkaSchemaStore.DEFAULT_TOPIC);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get("cleanup.policy").value()).isEqualTo("compact");
        }
        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.readAll(KafkaSchemaStore.DEFAULT_TOPIC);
        assertThat(records).anySatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"" + subject + "\",\"version\":2,\"magic\":1}"));
    }

    private static int maxIdInUse() {
        int max = 0;
        for (com.fasterxml.jackson.databind.JsonNode schema : http.get("/schemas?deleted=true").json()) {
            max = Math.max(max, schema.get("id").asInt());
        }
        return max;
    }

    private static void startServer() {
        server = SchemaRegistryServer.builder()
                .setPort(0)
                .setStore(KafkaSchemaStore.builder().setBootstrapServers(KAFKA.bootstrapServers()).build())
                .build();
        server.start();
        http = new RegistryHttp(server.url());
    }

    /** A fresh client each time, so that its caches never answer in place of the server. */
    private static CachedSchemaRegistryClient client() {
        return new CachedSchemaRegistryClient(server.url(), 100);
    }

    private static String subject(String name) {
        return name + "-" + EmbeddedKafkaCluster.randomSuffix() + "-value";
    }
}
