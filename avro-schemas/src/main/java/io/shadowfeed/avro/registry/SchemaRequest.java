package io.shadowfeed.avro.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a register, lookup or compatibility request: {@code {"schema": "...", "schemaType": "AVRO",
 * "references": [], "id": 7}}.
 *
 * @param schemaType as sent; null when absent (which means AVRO)
 * @param id the id the client asks for (import), or null
 */
record SchemaRequest(String schema, String schemaType, int referenceCount, Integer id) {

    static SchemaRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw RegistryErrors.badRequest("the request body must be a JSON object with a \"schema\" field");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || schema.isNull() || (schema.isTextual() && schema.asText().isBlank())) {
            throw RegistryErrors.invalidSchema("Empty schema");
        }
        if (!schema.isTextual()) {
            throw RegistryErrors.invalidSchema("\"schema\" must be the schema as a JSON string");
        }
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !type.isTextual()) {
            throw RegistryErrors.invalidSchema("\"schemaType\" must be a string");
        }
        JsonNode references = body.get("references");
        int referenceCount = references != null && references.isArray() ? references.size() : 0;
        JsonNode id = body.get("id");
        Integer requestedId = id != null && id.canConvertToInt() && id.intValue() > 0 ? id.intValue() : null;
        return new SchemaRequest(
                schema.asText(), type == null || type.isNull() ? null : type.asText(), referenceCount, requestedId);
    }
}
