package io.shadowfeed.avro.registry;

import java.util.List;

/** Confluent Schema Registry's error catalogue: codes and messages as its clients and tools expect them. */
final class RegistryErrors {

    static final int SUBJECT_NOT_FOUND = 40401;
    static final int VERSION_NOT_FOUND = 40402;
    static final int SCHEMA_NOT_FOUND = 40403;
    static final int SUBJECT_SOFT_DELETED = 40404;
    static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    static final int VERSION_SOFT_DELETED = 40406;
    static final int VERSION_NOT_SOFT_DELETED = 40407;
    static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    static final int INCOMPATIBLE_SCHEMA = 409;
    static final int INVALID_SCHEMA = 42201;
    static final int INVALID_VERSION = 42202;
    static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    static final int INVALID_MODE = 42204;
    static final int OPERATION_NOT_PERMITTED = 42205;
    static final int STORE_ERROR = 50001;

    private RegistryErrors() {}

    static RegistryRestException subjectNotFound(String subject) {
        return new RegistryRestException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryRestException versionNotFound(Object version) {
        return new RegistryRestException(404, VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    static RegistryRestException schemaNotFound() {
        return new RegistryRestException(404, SCHEMA_NOT_FOUND, "Schema not found");
    }

    static RegistryRestException schemaNotFound(int id) {
        return new RegistryRestException(404, SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }

    static RegistryRestException subjectSoftDeleted(String subject) {
        return new RegistryRestException(404, SUBJECT_SOFT_DELETED,
                "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryRestException subjectNotSoftDeleted(String subject) {
        return new RegistryRestException(404, SUBJECT_NOT_SOFT_DELETED,
                "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    static RegistryRestException versionSoftDeleted(String subject, int version) {
        return new RegistryRestException(404, VERSION_SOFT_DELETED, "Subject '" + subject + "' Version " + version
                + " was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryRestException versionNotSoftDeleted(String subject, int version) {
        return new RegistryRestException(404, VERSION_NOT_SOFT_DELETED, "Subject '" + subject + "' Version "
                + version + " was not deleted first before being permanently deleted");
    }

    static RegistryRestException subjectCompatibilityNotConfigured(String subject) {
        return new RegistryRestException(404, SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryRestException incompatibleSchema(String subject, List<String> details) {
        return new RegistryRestException(409, INCOMPATIBLE_SCHEMA,
                "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                        + "\", details: " + details);
    }

    static RegistryRestException invalidSchema(String detail) {
        return new RegistryRestException(422, INVALID_SCHEMA, "Invalid schema: " + detail);
    }

    static RegistryRestException unsupportedSchemaType(String schemaType) {
        return new RegistryRestException(422, INVALID_SCHEMA,
                "Invalid schema type " + schemaType + ": this registry serves AVRO schemas only");
    }

    static RegistryRestException invalidVersion(String version) {
        return new RegistryRestException(422, INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryRestException invalidCompatibilityLevel(String level) {
        return new RegistryRestException(422, INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '" + level
                + "'. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, "
                + "and full_transitive");
    }

    static RegistryRestException invalidMode(String mode) {
        return new RegistryRestException(422, INVALID_MODE,
                "Invalid mode '" + mode + "': this registry supports READWRITE only");
    }

    static RegistryRestException operationNotPermitted(String message) {
        return new RegistryRestException(422, OPERATION_NOT_PERMITTED, message);
    }

    static RegistryRestException storeError(String message) {
        return new RegistryRestException(500, STORE_ERROR, message);
    }

    static RegistryRestException badRequest(String message) {
        return new RegistryRestException(400, 400, message);
    }

    static RegistryRestException notFound() {
        return new RegistryRestException(404, 404, "HTTP 404 Not Found");
    }

    static RegistryRestException methodNotAllowed() {
        return new RegistryRestException(405, 405, "HTTP 405 Method Not Allowed");
    }

    static RegistryRestException unsupportedMediaType(String contentType) {
        return new RegistryRestException(415, 415, "HTTP 415 Unsupported Media Type: " + contentType);
    }

    static RegistryRestException payloadTooLarge(long limit) {
        return new RegistryRestException(413, 413, "request body larger than " + limit + " bytes");
    }
}
