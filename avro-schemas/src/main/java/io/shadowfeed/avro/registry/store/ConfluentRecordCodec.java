package io.shadowfeed.avro.registry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Optional;

/**
 * {@link StoreRecord}s as the JSON keys and values of Confluent Schema Registry's {@code _schemas} topic.
 *
 * <pre>
 * SCHEMA          {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}
 *                 {"subject":"s","version":1,"id":1,"schema":"...","deleted":false}   (null: deleted permanently)
 * CONFIG          {"keytype":"CONFIG","subject":null,"magic":0}                        (subject null: global)
 *                 {"compatibilityLevel":"BACKWARD"}                                    (null: setting removed)
 * DELETE_SUBJECT  {"keytype":"DELETE_SUBJECT","subject":"s","magic":0}
 *                 {"subject":"s","version":3}                                          (versions 1..3 soft-deleted)
 * </pre>
 *
 * <p>Keys are written with a fixed attribute order, so that equal keys are equal bytes and log compaction keeps only
 * the latest value of each. Other key types a Confluent registry writes (NOOP, MODE, CONTEXT, ...) are skipped.
 */
final class ConfluentRecordCodec {

    /** The {@code magic} of SCHEMA keys; the other key types use 0. */
    static final int SCHEMA_KEY_MAGIC = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A record as Kafka key and value bytes; {@code value} is null for a tombstone. */
    record Encoded(byte[] key, byte[] value) {}

    private ConfluentRecordCodec() {}

    static Encoded encode(StoreRecord record) {
        if (record instanceof StoreRecord.SchemaVersion v) {
            ObjectNode value = MAPPER.createObjectNode()
                    .put("subject", v.subject())
                    .put("version", v.version())
                    .put("id", v.id());
            if (!v.isAvro()) {
                value.put("schemaType", v.schemaType());
            }
            value.put("schema", v.schema()).put("deleted", v.deleted());
            return new Encoded(schemaKey(v.subject(), v.version()), bytes(value));
        }
        if (record instanceof StoreRecord.SchemaVersionTombstone t) {
            return new Encoded(schemaKey(t.subject(), t.version()), null);
        }
        if (record instanceof StoreRecord.CompatibilityConfig c) {
            ObjectNode key = MAPPER.createObjectNode().put("keytype", "CONFIG");
            if (c.subject() == null) {
                key.putNull("subject");
            } else {
                key.put("subject", c.subject());
            }
            key.put("magic", 0);
            byte[] value = c.compatibilityLevel() == null
                    ? null
                    : bytes(MAPPER.createObjectNode().put("compatibilityLevel", c.compatibilityLevel()));
            return new Encoded(bytes(key), value);
        }
        StoreRecord.SubjectDeletion d = (StoreRecord.SubjectDeletion) record;
        ObjectNode key = MAPPER.createObjectNode()
                .put("keytype", "DELETE_SUBJECT")
                .put("subject", d.subject())
                .put("magic", 0);
        ObjectNode value = MAPPER.createObjectNode().put("subject", d.subject()).put("version", d.version());
        return new Encoded(bytes(key), bytes(value));
    }

    /**
     * The record a key / value pair stands for; empty for key types the registry does not use.
     *
     * @throws IllegalArgumentException if the bytes are not a record of a known key type
     */
    static Optional<StoreRecord> decode(byte[] keyBytes, byte[] valueBytes) {
        if (keyBytes == null) {
            throw new IllegalArgumentException("record has no key");
        }
        JsonNode key = tree(keyBytes, "key");
        String keyType = key.path("keytype").asText("");
        JsonNode value = valueBytes == null ? null : tree(valueBytes, "value");
        switch (keyType) {
            case "SCHEMA":
                return Optional.of(decodeSchema(key, value));
            case "CONFIG":
                return Optional.of(decodeConfig(key, value));
            case "DELETE_SUBJECT":
                return value == null
                        ? Optional.empty()
                        : Optional.of(new StoreRecord.SubjectDeletion(
                                text(value, "subject", text(key, "subject", null)), integer(value, "version")));
            case "":
                throw new IllegalArgumentException("key has no keytype");
            default:
                return Optional.empty();
        }
    }

    private static StoreRecord decodeSchema(JsonNode key, JsonNode value) {
        String subject = text(key, "subject", null);
        int version = integer(key, "version");
        if (value == null) {
            return new StoreRecord.SchemaVersionTombstone(subject, version);
        }
        return new StoreRecord.SchemaVersion(
                text(value, "subject", subject),
                value.has("version") ? integer(value, "version") : version,
                integer(value, "id"),
                text(value, "schemaType", StoreRecord.AVRO),
                text(value, "schema", null),
                value.path("deleted").asBoolean(false));
    }

    private static StoreRecord decodeConfig(JsonNode key, JsonNode value) {
        String subject = text(key, "subject", null);
        String level = value == null ? null : text(value, "compatibilityLevel", null);
        return new StoreRecord.CompatibilityConfig(subject, level);
    }

    private static byte[] schemaKey(String subject, int version) {
        return bytes(MAPPER.createObjectNode()
                .put("keytype", "SCHEMA")
                .put("subject", subject)
                .put("version", version)
                .put("magic", SCHEMA_KEY_MAGIC));
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return fallback;
        }
        if (!child.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return child.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode child = node.get(field);
        if (child == null || !child.canConvertToInt() || !child.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be an integer");
        }
        return child.intValue();
    }

    private static JsonNode tree(byte[] json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " could not be read: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("could not serialize " + node.getNodeType(), e);
        }
    }
}
