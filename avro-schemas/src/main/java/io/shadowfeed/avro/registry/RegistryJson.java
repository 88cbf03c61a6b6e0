package io.shadowfeed.avro.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shadowfeed.avro.registry.store.StoreRecord.SchemaVersion;

import java.io.IOException;

/** The JSON of the REST API: one shared mapper and the shapes of Confluent's response entities. */
final class RegistryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RegistryJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"subject": ..., "version": ..., "id": ..., "schema": ...}}, Confluent's {@code Schema} entity. */
    static ObjectNode schemaVersion(SchemaVersion version) {
        return object()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema());
    }

    /** {@code {"error_code": ..., "message": ...}}, Confluent's {@code ErrorMessage} entity. */
    static String error(int errorCode, String message) {
        return write(object().put("error_code", errorCode).put("message", message));
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize a response of type " + value.getClass(), e);
        }
    }

    static JsonNode read(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw RegistryErrors.badRequest("the request has no JSON body");
            }
            return node;
        } catch (IOException e) {
            throw RegistryErrors.badRequest("Malformed JSON in the request body: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
