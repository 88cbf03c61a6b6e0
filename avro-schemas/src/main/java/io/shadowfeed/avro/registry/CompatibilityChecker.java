package io.shadowfeed.avro.registry;

import io.shadowfeed.avro.confluent.compat.AvroIncompatibility;
import io.shadowfeed.avro.confluent.compat.AvroSchemaCompatibility;
import io.shadowfeed.avro.confluent.compat.InvalidAvroSchemaException;
import io.shadowfeed.avro.registry.store.StoreRecord.SchemaVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides whether a new schema may follow earlier versions under a {@link CompatibilityLevel}, with Avro's
 * reader / writer rules, and explains why not in the message format of Confluent's registry.
 */
final class CompatibilityChecker {

    private CompatibilityChecker() {}

    /**
     * Why {@code newSchema} breaks {@code level} against {@code previous}; empty if it does not.
     *
     * @param previous the live versions to check against, oldest first; non-transitive levels use the last only
     */
    static List<String> check(CompatibilityLevel level, String newSchema, List<SchemaVersion> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<SchemaVersion> against = new ArrayList<>(level.isTransitive()
                ? previous
                : List.of(previous.get(previous.size() - 1)));
        Collections.reverse(against);
        List<String> messages = new ArrayList<>();
        for (SchemaVersion old : against) {
            List<String> problems = new ArrayList<>();
            if (level.checksBackward()) {
                problems.addAll(describe(incompatibilities(newSchema, old.schema()), "new", "old"));
            }
            if (level.checksForward()) {
                problems.addAll(describe(incompatibilities(old.schema(), newSchema), "old", "new"));
            }
            if (!problems.isEmpty()) {
                messages.addAll(problems);
                messages.add("{oldSchemaVersion: " + old.version() + "}");
                messages.add("{oldSchema: '" + old.schema() + "'}");
            }
        }
        if (!messages.isEmpty()) {
            messages.add("{compatibility: '" + level.name() + "'}");
        }
        return messages;
    }

    private static List<AvroIncompatibility> incompatibilities(String reader, String writer) {
        try {
            return AvroSchemaCompatibility.readerIncompatibilities(reader, writer);
        } catch (InvalidAvroSchemaException e) {
            throw RegistryErrors.invalidSchema(e.getMessage());
        }
    }

    private static List<String> describe(List<AvroIncompatibility> incompatibilities, String reader, String writer) {
        List<String> messages = new ArrayList<>();
        for (AvroIncompatibility incompatibility : incompatibilities) {
            messages.add("{errorType:'" + incompatibility.type() + "', description:'"
                    + description(incompatibility, reader, writer) + "', additionalInfo:'"
                    + incompatibility.message() + "'}");
        }
        return messages;
    }

    private static String description(AvroIncompatibility incompatibility, String reader, String writer) {
        String path = incompatibility.location();
        switch (incompatibility.type()) {
            case "READER_FIELD_MISSING_DEFAULT_VALUE":
                return "The field '" + incompatibility.message() + "' at path '" + path + "' in the " + reader
                        + " schema has no default value and is missing in the " + writer + " schema";
            case "TYPE_MISMATCH":
                return "The type (path '" + path + "') of a field in the " + reader
                        + " schema does not match with the " + writer + " schema";
            case "NAME_MISMATCH":
                return "The name of the schema has changed (path '" + path + "')";
            case "FIXED_SIZE_MISMATCH":
                return "The size of FIXED type field at path '" + path + "' in the " + reader
                        + " schema does not match with the " + writer + " schema";
            case "MISSING_ENUM_SYMBOLS":
                return "The " + reader + " schema is missing enum symbols '" + incompatibility.message()
                        + "' at path '" + path + "' in the " + writer + " schema";
            case "MISSING_UNION_BRANCH":
                return "The " + reader + " schema is missing a type inside a union field at path '" + path
                        + "' in the " + writer + " schema";
            default:
                return incompatibility.type() + " at path '" + path + "'";
        }
    }
}
