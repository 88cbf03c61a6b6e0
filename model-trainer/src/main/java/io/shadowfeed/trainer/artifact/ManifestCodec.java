package io.shadowfeed.trainer.artifact;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shadowfeed.trainer.data.ColumnKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code manifest.json} to and from {@link Manifest}. Written by hand rather than by data binding so the persisted
 * layout is explicit and each format version can be read by its own rules. Unknown fields are ignored: a field that
 * older readers may skip needs no new format version, one they must understand does.
 */
final class ManifestCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ManifestCodec() {}

    static byte[] write(Manifest manifest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", manifest.formatVersion());
        root.put("table", manifest.table());
        root.put("version", manifest.version());
        root.put("created_at", manifest.createdAt().toString());
        root.put("training_data_fingerprint", manifest.trainingDataFingerprint());
        root.put("schema_fingerprint", manifest.schemaFingerprint());
        ArrayNode columns = root.putArray("columns");
        for (ManifestColumn column : manifest.columns()) {
            ObjectNode node = columns.addObject();
            node.put("name", column.name());
            node.put("kind", column.kind().name().toLowerCase(Locale.ROOT));
            node.set("profile", column.profile());
        }
        root.set("transformer", manifest.transformer());
        root.set("hyper_parameters", manifest.hyperParameters());
        root.put("seed", manifest.seed());
        root.put("epochs_run", manifest.epochsRun());
        root.set("loss_history", manifest.lossHistory());
        root.set("evaluation", manifest.evaluation());
        root.put("gate_passed", manifest.gatePassed());
        root.set("gate", manifest.gate());
        root.set("privacy", manifest.privacy());
        ObjectNode versions = root.putObject("versions");
        manifest.versions().forEach(versions::put);
        ObjectNode files = root.putObject("files");
        manifest.files().forEach((name, digest) -> {
            ObjectNode node = files.putObject(name);
            node.put("sha256", digest.sha256());
            node.put("bytes", digest.bytes());
        });
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Reads the manifest of a version directory. */
    static Manifest read(Path directory) {
        Path file = directory.resolve(ArtifactPreconditions.MANIFEST_FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ArtifactCorruptedException(directory, ArtifactPreconditions.MANIFEST_FILE, "is missing", e);
        } catch (IOException e) {
            throw new ArtifactException("could not read " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, directory);
    }

    static Manifest parse(byte[] bytes, Path directory) {
        return new Reader(directory).read(bytes);
    }

    /** One read: knows the directory so that every complaint names it. */
    private static final class Reader {
        private final Path directory;

        Reader(Path directory) {
            this.directory = directory;
        }

        Manifest read(byte[] bytes) {
            JsonNode root;
            try {
                root = JSON.readTree(bytes);
            } catch (IOException e) {
                JsonLocation at = e instanceof JsonProcessingException p ? p.getLocation() : null;
                String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
                throw corrupted("is not valid JSON" + where, e);
            }
            if (root == null || !root.isObject()) {
                throw corrupted("is not a JSON object", null);
            }
            JsonNode format = root.get("format_version");
            if (format == null || !format.isInt()) {
                throw corrupted("has no integer format_version", null);
            }
            if (!Manifest.SUPPORTED_FORMAT_VERSIONS.contains(format.intValue())) {
                throw new UnsupportedFormatVersionException(
                        directory.resolve(ArtifactPreconditions.MANIFEST_FILE), format.intValue(),
                        Manifest.SUPPORTED_FORMAT_VERSIONS);
            }
            try {
                return readFormat1(root);
            } catch (IllegalArgumentException e) {
                throw corrupted("is invalid: " + e.getMessage(), e);
            }
        }

        private Manifest readFormat1(JsonNode root) {
            return new Manifest(
                    root.get("format_version").intValue(),
                    text(root, "table"),
                    integer(root, "version"),
                    instant(root, "created_at"),
                    text(root, "training_data_fingerprint"),
                    text(root, "schema_fingerprint"),
                    columns(root),
                    node(root, "transformer"),
                    node(root, "hyper_parameters"),
                    longInteger(root, "seed"),
                    integer(root, "epochs_run"),
                    node(root, "loss_history"),
                    node(root, "evaluation"),
                    bool(root, "gate_passed"),
                    node(root, "gate"),
                    root.has("privacy") ? root.get("privacy") : NullNode.getInstance(),
                    versions(root),
                    files(root));
        }

        private List<ManifestColumn> columns(JsonNode root) {
            JsonNode array = node(root, "columns");
            if (!array.isArray()) {
                throw corrupted("field 'columns' must be an array", null);
            }
            List<ManifestColumn> columns = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode column = array.get(i);
                String where = "columns[" + i + "]";
                if (!column.isObject()) {
                    throw corrupted("field '" + where + "' must be an object", null);
                }
                String kind = text(column, "kind", where);
                ColumnKind parsed;
                try {
                    parsed = ColumnKind.valueOf(kind.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw corrupted("field '" + where + ".kind' is '" + kind + "', not one of "
                            + List.of(ColumnKind.values()), e);
                }
                columns.add(new ManifestColumn(text(column, "name", where), parsed, column.get("profile")));
            }
            return columns;
        }

        private Map<String, String> versions(JsonNode root) {
            JsonNode object = node(root, "versions");
            if (!object.isObject()) {
                throw corrupted("field 'versions' must be an object", null);
            }
            Map<String, String> versions = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                versions.put(entry.getKey(), text(object, entry.getKey(), "versions"));
            }
            return versions;
        }

        private Map<String, FileDigest> files(JsonNode root) {
            JsonNode object = node(root, "files");
            if (!object.isObject()) {
                throw corrupted("field 'files' must be an object", null);
            }
            Map<String, FileDigest> files = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String where = "files." + entry.getKey();
                JsonNode bytes = entry.getValue().get("bytes");
                if (bytes == null || !bytes.canConvertToLong() || !bytes.isIntegralNumber()) {
                    throw corrupted("field '" + where + ".bytes' must be an integer", null);
                }
                files.put(entry.getKey(), new FileDigest(text(entry.getValue(), "sha256", where), bytes.longValue()));
            }
            return files;
        }

        private JsonNode node(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            if (node == null) {
                throw corrupted("lacks field '" + field + "'", null);
            }
            return node;
        }

        private String text(JsonNode parent, String field) {
            return text(parent, field, null);
        }

        private String text(JsonNode parent, String field, String within) {
            JsonNode node = parent.get(field);
            if (node == null || !node.isTextual()) {
                throw corrupted("field '" + (within == null ? "" : within + ".") + field + "' must be a string",
                        null);
            }
            return node.textValue();
        }

        private int integer(JsonNode parent, String field) {
            JsonNode node = node(parent, field);
            if (!node.isInt()) {
                throw corrupted("field '" + field + "' must be a 32-bit integer", null);
            }
            return node.intValue();
        }

        private long longInteger(JsonNode parent, String field) {
            JsonNode node = node(parent, field);
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw corrupted("field '" + field + "' must be a 64-bit integer", null);
            }
            return node.longValue();
        }

        private boolean bool(JsonNode parent, String field) {
            JsonNode node = node(parent, field);
            if (!node.isBoolean()) {
                throw corrupted("field '" + field + "' must be true or false", null);
            }
            return node.booleanValue();
        }

        private Instant instant(JsonNode parent, String field) {
            String text = text(parent, field);
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw corrupted("field '" + field + "' must be an ISO-8601 UTC instant such as"
                        + " 2024-05-01T12:00:00Z", e);
            }
        }

        private ArtifactCorruptedException corrupted(String problem, Throwable cause) {
            return cause == null
                    ? new ArtifactCorruptedException(directory, ArtifactPreconditions.MANIFEST_FILE, problem)
                    : new ArtifactCorruptedException(directory, ArtifactPreconditions.MANIFEST_FILE, problem, cause);
        }
    }
}
