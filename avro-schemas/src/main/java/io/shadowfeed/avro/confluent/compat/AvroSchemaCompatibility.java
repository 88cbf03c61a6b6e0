package io.shadowfeed.avro.confluent.compat;

import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.SchemaCompatibility;
import org.apache.flink.avro.shaded.org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.flink.avro.shaded.org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.flink.avro.shaded.org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses Avro schemas and checks reader / writer compatibility with Avro's own {@link SchemaCompatibility}.
 *
 * <p>Stateless and thread-safe.
 */
public final class AvroSchemaCompatibility {

    private AvroSchemaCompatibility() {}

    /**
     * The canonical text of a schema: Avro's compact JSON rendering of the parsed schema, which keeps everything
     * that matters for reading (names, namespaces, defaults, aliases, docs, logical types, custom properties) and
     * drops what does not (whitespace, the order of JSON attributes). Two texts of the same schema have the same
     * canonical form, as in Confluent's registry.
     *
     * @throws InvalidAvroSchemaException if the text is not a valid Avro schema (defaults are validated too)
     */
    public static String canonicalForm(String schemaJson) throws InvalidAvroSchemaException {
        return parse(schemaJson).toString();
    }

    /**
     * Why a reader with schema {@code readerJson} cannot read data written with {@code writerJson}; empty when it
     * can.
     *
     * @throws InvalidAvroSchemaException if either text is not a valid Avro schema
     */
    public static List<AvroIncompatibility> readerIncompatibilities(String readerJson, String writerJson)
            throws InvalidAvroSchemaException {
        Schema reader = parse(readerJson);
        Schema writer = parse(writerJson);
        SchemaCompatibilityResult result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<AvroIncompatibility> incompatibilities = new ArrayList<>();
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            incompatibilities.add(new AvroIncompatibility(
                    incompatibility.getType().name(), incompatibility.getMessage(), incompatibility.getLocation()));
        }
        if (incompatibilities.isEmpty()) {
            // Avro reported INCOMPATIBLE without details; never turn that into "compatible".
            incompatibilities.add(new AvroIncompatibility("TYPE_MISMATCH", "incompatible", "/"));
        }
        return List.copyOf(incompatibilities);
    }

    private static Schema parse(String schemaJson) throws InvalidAvroSchemaException {
        Objects.requireNonNull(schemaJson, "schemaJson");
        if (schemaJson.isBlank()) {
            throw new InvalidAvroSchemaException("the schema is empty", null);
        }
        try {
            return new Schema.Parser().setValidateDefaults(true).parse(schemaJson);
        } catch (RuntimeException e) {
            // SchemaParseException, AvroTypeException and the odd NullPointerException on malformed input all
            // mean the same thing to a caller: this text is not a valid Avro schema.
            throw new InvalidAvroSchemaException(describe(e), e);
        }
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
