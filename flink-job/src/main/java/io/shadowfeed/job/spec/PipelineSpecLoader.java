package io.shadowfeed.job.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shadowfeed.avro.confluent.AvroSchemas;
import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.privacy.keys.KeyException;
import io.shadowfeed.privacy.keys.KeyProvider;
import io.shadowfeed.privacy.keys.KeyProviders;
import io.shadowfeed.privacy.pii.PiiType;
import io.shadowfeed.privacy.pii.policy.EncryptPolicy;
import io.shadowfeed.privacy.pii.policy.FakePolicy;
import io.shadowfeed.privacy.pii.policy.FieldPolicies;
import io.shadowfeed.privacy.pii.policy.PolicyParser;
import io.shadowfeed.privacy.pii.policy.PseudonymizePolicy;
import io.shadowfeed.privacy.pii.policy.FieldPolicy;
import io.shadowfeed.privacy.pii.policy.OutputShape;
import org.apache.flink.util.TimeUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a pipeline spec. Every error is a {@link SpecException} whose message starts with the file and
 * names the table and field, so a user can fix the file without reading a stack trace.
 *
 * <p>Schema references are either {@code classpath:path/to.avsc} or a path relative to the spec file.
 */
public final class PipelineSpecLoader {

    private static final Set<String> TOP_LEVEL_KEYS =
            Set.of("version", "name", "kafka", "registry", "keys", "dead-letter-topic", "job", "models", "state",
                    "tables");
    private static final Set<String> MODELS_KEYS =
            Set.of("topic", "store", "batch-size", "flush-interval", "threads");
    private static final Set<String> STATE_KEYS = Set.of("backend", "ttl", "checkpoint-directory");
    private static final Set<String> KEYS_KEYS = Set.of("source", "active-key-id");
    private static final Set<String> KAFKA_KEYS = Set.of("bootstrap-servers");
    private static final Set<String> REGISTRY_KEYS = Set.of("url");
    private static final Set<String> JOB_KEYS =
            Set.of("checkpoint-interval", "parallelism", "max-record-bytes", "max-out-of-orderness",
                    "auto-sample-records", "auto-sample-timeout");
    private static final Set<String> TABLE_KEYS = Set.of("input-topic", "output-topic", "schema", "key",
            "event-time", "foreign-keys", "default-policy", "fields", "locale-fields", "entity-scope", "entity-key",
            "model", "orphans", "parent-wait", "max-waiting", "stable-attributes");
    /** Characters a pseudonym prefix may hold, and how long it may be (PseudonymizePolicy's rule). */
    private static final java.util.regex.Pattern NOT_PREFIX_CHAR = java.util.regex.Pattern.compile("[^A-Za-z0-9_.-]");
    private static final int MAX_KEY_PREFIX = 15;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String source;
    private final Path baseDir;

    private PipelineSpecLoader(String source, Path baseDir) {
        this.source = source;
        this.baseDir = baseDir;
    }

    public static PipelineSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException(file + ": cannot read the spec (" + e.getMessage() + ")", e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return new PipelineSpecLoader(file.toString(), dir).parse(text);
    }

    /** Loads a spec from the classpath; its relative schema paths resolve on the classpath too. */
    public static PipelineSpec loadResource(String resource) {
        try (InputStream in = PipelineSpecLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SpecException("classpath:" + resource + ": no such resource");
            }
            return new PipelineSpecLoader("classpath:" + resource, null)
                    .parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SpecException("classpath:" + resource + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    public static PipelineSpec parse(String yaml, Path baseDir, String sourceName) {
        return new PipelineSpecLoader(sourceName, baseDir).parse(yaml);
    }

    private PipelineSpec parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw fail("is not valid YAML: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw fail("must be a YAML mapping with 'tables'");
        }
        checkKeys(root, TOP_LEVEL_KEYS, "");
        int version = root.path("version").asInt(PipelineSpec.FORMAT_VERSION);
        if (version != PipelineSpec.FORMAT_VERSION) {
            throw fail("spec format version " + version + " is not supported (this build reads version "
                    + PipelineSpec.FORMAT_VERSION + ")");
        }
        JsonNode kafka = root.path("kafka");
        checkKeys(kafka, KAFKA_KEYS, "kafka.");
        JsonNode registry = root.path("registry");
        checkKeys(registry, REGISTRY_KEYS, "registry.");
        JsonNode job = root.path("job");
        checkKeys(job, JOB_KEYS, "job.");

        int parallelism = job.path("parallelism").asInt(1);
        if (parallelism < 1) {
            throw fail("job.parallelism must be >= 1. Provided value: " + parallelism);
        }
        int maxRecordBytes = job.path("max-record-bytes").asInt(1 << 20);
        if (maxRecordBytes < 16) {
            throw fail("job.max-record-bytes must be >= 16. Provided value: " + maxRecordBytes);
        }
        JsonNode tablesNode = root.path("tables");
        if (!tablesNode.isObject() || tablesNode.isEmpty()) {
            throw fail("needs 'tables', a mapping from table name to its definition");
        }
        JsonNode keys = root.path("keys");
        checkKeys(keys, KEYS_KEYS, "keys.");
        KeyProvider keyProvider = keyProvider(keys.path("source").asText("auto"));
        String activeKeyId = keys.hasNonNull("active-key-id") ? keys.get("active-key-id").asText() : null;
        List<TableSpec> tables = tables(tablesNode, parser(keyProvider, activeKeyId));
        if (activeKeyId == null && tables.stream().anyMatch(PipelineSpecLoader::usesKeys)) {
            // Pin the key id now, on the client: task managers configured differently must not pseudonymize
            // differently.
            activeKeyId = activeKeyId(keyProvider);
            tables = tables(tablesNode, parser(keyProvider, activeKeyId));
        }
        checkTopics(tables, root.path("dead-letter-topic").asText("synth.dlq"));
        int autoSampleRecords = job.path("auto-sample-records").asInt(500);
        if (autoSampleRecords < 1) {
            throw fail("job.auto-sample-records must be >= 1. Provided value: " + autoSampleRecords);
        }
        return new PipelineSpec(
                root.path("name").asText("shadowfeed"),
                kafka.path("bootstrap-servers").asText("localhost:9092"),
                registry.path("url").asText("http://localhost:8081"),
                root.path("dead-letter-topic").asText("synth.dlq"),
                duration(job, "checkpoint-interval", Duration.ofSeconds(5)),
                parallelism,
                maxRecordBytes,
                duration(job, "max-out-of-orderness", Duration.ofSeconds(5)),
                keyProvider,
                activeKeyId,
                autoSampleRecords,
                duration(job, "auto-sample-timeout", Duration.ofSeconds(10)),
                serving(root.path("models"), root.path("state")),
                tables);
    }

    private List<TableSpec> tables(JsonNode tablesNode, PolicyParser parser) {
        List<TableSpec> tables = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tablesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            tables.add(table(entry.getKey(), entry.getValue(), parser));
        }
        checkForeignKeys(tables);
        return ForeignKeyPolicies.inherit(tables, this::fail);
    }

    private TableSpec table(String name, JsonNode node, PolicyParser parser) {
        String where = "table '" + name + "'";
        if (!node.isObject()) {
            throw fail(where + " must be a mapping");
        }
        checkKeys(node, TABLE_KEYS, where + ": ");
        String inputTopic = required(node, "input-topic", where);
        String outputTopic = node.path("output-topic").asText("anon." + name);
        String schemaRef = required(node, "schema", where);
        String avroJson = readSchema(schemaRef, where);
        TableSchema schema;
        try {
            schema = AvroSchemas.parseTable(avroJson);
        } catch (IllegalArgumentException e) {
            throw fail(where + ": schema " + schemaRef + ": " + e.getMessage());
        }
        String key = node.hasNonNull("key") ? node.get("key").asText() : null;
        if (key != null && schema.indexOf(key) < 0) {
            throw fail(where + ": key field '" + key + "' is not in schema " + schemaRef);
        }
        String eventTime = node.hasNonNull("event-time") ? node.get("event-time").asText() : null;
        if (eventTime != null) {
            FieldSchema field = schema.field(eventTime).orElseThrow(() ->
                    fail(where + ": event-time field '" + eventTime + "' is not in schema " + schemaRef));
            if (field.type() != FieldType.TIMESTAMP_MILLIS && field.type() != FieldType.LONG) {
                throw fail(where + ", field '" + eventTime + "': event-time must be a long or timestamp-millis, not "
                        + field.type());
            }
        }
        List<ForeignKeySpec> foreignKeys = new ArrayList<>();
        JsonNode fks = node.path("foreign-keys");
        for (Iterator<Map.Entry<String, JsonNode>> it = fks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> fk = it.next();
            if (schema.indexOf(fk.getKey()) < 0) {
                throw fail(where + ": foreign key field '" + fk.getKey() + "' is not in schema " + schemaRef);
            }
            String[] target = fk.getValue().asText().split("\\.", 2);
            if (target.length != 2 || target[0].isEmpty() || target[1].isEmpty()) {
                throw fail(where + ", field '" + fk.getKey() + "': foreign key must be written parentTable.field. "
                        + "Provided value: " + fk.getValue().asText());
            }
            foreignKeys.add(new ForeignKeySpec(fk.getKey(), target[0], target[1]));
        }
        List<String> foreignKeyFields = foreignKeys.stream().map(ForeignKeySpec::field).toList();
        List<FieldSpec> fields = fields(name, node, schema, where, key, foreignKeyFields, parser);
        List<String> localeFields = new ArrayList<>();
        for (JsonNode field : node.path("locale-fields")) {
            if (schema.indexOf(field.asText()) < 0) {
                throw fail(where + ": locale field '" + field.asText() + "' is not in schema " + schemaRef);
            }
            localeFields.add(field.asText());
        }
        String entityKey = node.hasNonNull("entity-key") ? node.get("entity-key").asText() : key;
        if (entityKey != null && schema.indexOf(entityKey) < 0) {
            throw fail(where + ": entity-key '" + entityKey + "' is not in schema " + schemaRef);
        }
        return new TableSpec(name, inputTopic, outputTopic, avroJson, schema, key, eventTime, foreignKeys, fields,
                localeFields, node.path("entity-scope").asText(name), entityKey, synthesis(node, where));
    }

    private SynthesisSpec synthesis(JsonNode node, String where) {
        SynthesisSpec defaults = SynthesisSpec.defaults();
        String model = node.hasNonNull("model") ? node.get("model").asText().strip() : null;
        if ("none".equals(model)) {
            model = null;
        }
        if (model != null && !model.equals("latest") && !model.matches("v[0-9]+") && baseDir != null
                && !Path.of(model).isAbsolute()) {
            model = baseDir.resolve(model).normalize().toString();
        }
        OrphanPolicy orphans = defaults.orphans();
        if (node.hasNonNull("orphans")) {
            try {
                orphans = OrphanPolicy.parse(node.get("orphans").asText());
            } catch (IllegalArgumentException e) {
                throw fail(where + ": " + e.getMessage());
            }
        }
        Boolean stable = node.hasNonNull("stable-attributes") ? node.get("stable-attributes").asBoolean() : null;
        try {
            return new SynthesisSpec(model, orphans, duration(node, "parent-wait", defaults.parentWait()),
                    node.path("max-waiting").asInt(defaults.maxWaiting()), stable);
        } catch (IllegalArgumentException e) {
            throw fail(where + ": " + e.getMessage());
        }
    }

    /** A URI as given; a plain path is resolved against the spec's directory and made a file URI. */
    private String checkpointDirectory(JsonNode state) {
        if (!state.hasNonNull("checkpoint-directory")) {
            return null;
        }
        String text = state.get("checkpoint-directory").asText();
        if (text.contains("://") || text.startsWith("file:")) {
            return text;
        }
        Path path = Path.of(text);
        if (!path.isAbsolute() && baseDir != null) {
            path = baseDir.resolve(path).normalize();
        }
        return path.toAbsolutePath().toUri().toString();
    }

    private ServingSpec serving(JsonNode models, JsonNode state) {
        checkKeys(models, MODELS_KEYS, "models.");
        checkKeys(state, STATE_KEYS, "state.");
        ServingSpec defaults = ServingSpec.defaults();
        String store = models.hasNonNull("store") ? models.get("store").asText() : null;
        if (store != null && baseDir != null && !Path.of(store).isAbsolute()) {
            store = baseDir.resolve(store).normalize().toString();
        }
        try {
            return new ServingSpec(
                    models.path("topic").asText(defaults.modelsTopic()),
                    store,
                    models.path("batch-size").asInt(defaults.batchSize()),
                    duration(models, "flush-interval", defaults.flushInterval()),
                    models.path("threads").asInt(defaults.inferenceThreads()),
                    state.path("backend").asText(defaults.stateBackend()),
                    state.hasNonNull("ttl") ? duration(state, "ttl", null) : null,
                    checkpointDirectory(state));
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private List<FieldSpec> fields(String table, JsonNode node, TableSchema schema, String where, String key,
                                   List<String> foreignKeyFields, PolicyParser parser) {
        Map<String, String> declared = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (schema.indexOf(entry.getKey()) < 0) {
                throw fail(where + ", field '" + entry.getKey() + "': not in the table's schema (fields: "
                        + schema.fields().stream().map(FieldSchema::name).toList() + ")");
            }
            declared.put(entry.getKey(), entry.getValue().asText());
        }
        String defaultPolicy = node.hasNonNull("default-policy") ? node.get("default-policy").asText() : null;
        List<String> missing = new ArrayList<>();
        List<FieldSpec> fields = new ArrayList<>();
        for (FieldSchema field : schema.fields()) {
            String text = declared.get(field.name());
            PolicyOrigin origin = PolicyOrigin.DECLARED;
            if (text == null && defaultPolicy != null) {
                text = defaultPolicy;
                origin = PolicyOrigin.TABLE_DEFAULT;
            }
            if (text == null && foreignKeyFields.contains(field.name())) {
                // Decided by ForeignKeyPolicies: the parent key's policy.
                fields.add(new FieldSpec(field, FieldPolicies.drop(), PolicyOrigin.FOREIGN_KEY));
                continue;
            }
            if (text == null) {
                missing.add(field.name());
                continue;
            }
            String fieldWhere = where + ", field '" + field.name() + "'";
            if (text.strip().equals("auto")) {
                fields.add(auto(table, field, key, foreignKeyFields, parser, fieldWhere));
            } else {
                fields.add(new FieldSpec(field, policy(parser, text, fieldWhere), origin));
            }
        }
        if (!missing.isEmpty()) {
            throw fail(where + ": fields " + missing + " have no policy; give each one under 'fields' or set "
                    + "'default-policy' (auto classifies them; drop is the safe choice)");
        }
        if (key != null) {
            OutputShape keyShape = fields.get(schema.indexOf(key)).policy().outputShape();
            if (keyShape == OutputShape.REMOVED || keyShape == OutputShape.ALWAYS_NULL) {
                throw fail(where + ", field '" + key + "': the key field cannot be dropped or nulled");
            }
        }
        return fields;
    }

    /**
     * What {@code auto} gives a table's key: an opaque keyed pseudonym in the table's own key space (the prefix enters
     * the HMAC), so that customer 1 and invoice 1 do not share a pseudonym; foreign keys inherit it and still join.
     */
    static String keyAutoPolicy(String table) {
        String prefix = NOT_PREFIX_CHAR.matcher(table).replaceAll("_");
        return "pseudonymize:token:" + prefix.substring(0, Math.min(prefix.length(), MAX_KEY_PREFIX)) + "-";
    }

    /**
     * {@code auto}: keys get a keyed pseudonym, foreign keys their parent's policy, fields with an Avro {@code "pii"}
     * property that type's default; the rest are classified from the first records when the job starts, and stay
     * dropped until then.
     */
    private FieldSpec auto(String table, FieldSchema field, String key, List<String> foreignKeyFields,
                           PolicyParser parser, String where) {
        if (field.name().equals(key)) {
            return new FieldSpec(field, policy(parser, keyAutoPolicy(table), where), PolicyOrigin.KEY_DEFAULT);
        }
        if (foreignKeyFields.contains(field.name())) {
            return new FieldSpec(field, FieldPolicies.drop(), PolicyOrigin.FOREIGN_KEY);
        }
        String pii = field.properties().get("pii");
        if (pii != null) {
            PiiType type;
            try {
                type = PiiType.valueOf(pii.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(where + ": Avro property \"pii\": \"" + pii + "\" is not a PII type (known: "
                        + List.of(PiiType.values()) + ")");
            }
            return new FieldSpec(field, policy(parser, FieldPolicies.defaultSpecFor(type), where),
                    PolicyOrigin.AVRO_PROPERTY);
        }
        return new FieldSpec(field, FieldPolicies.drop(), PolicyOrigin.PENDING_CLASSIFICATION);
    }

    private FieldPolicy policy(PolicyParser parser, String text, String where) {
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(where + ": " + e.getMessage());
        }
    }

    private KeyProvider keyProvider(String source) {
        String trimmed = source.strip();
        if (trimmed.startsWith("file:")) {
            Path file = Path.of(trimmed.substring(5));
            return KeyProviders.fromFile(baseDir == null || file.isAbsolute() ? file : baseDir.resolve(file));
        }
        return switch (trimmed) {
            case "auto" -> KeyProviders.auto();
            case "environment" -> KeyProviders.fromEnvironment();
            case "development" -> KeyProviders.development();
            default -> throw fail("keys.source must be auto, environment, development or file:<path>. Provided value: "
                    + source);
        };
    }

    private static PolicyParser parser(KeyProvider keys, String activeKeyId) {
        PolicyParser.Builder builder = PolicyParser.builder().keys(keys);
        if (activeKeyId != null) {
            builder.keyId(activeKeyId);
        }
        return builder.build();
    }

    private String activeKeyId(KeyProvider keys) {
        try {
            return keys.load().activeId();
        } catch (KeyException e) {
            throw fail("keyed policies need keys, but " + keys.describe() + " cannot be read: " + e.getMessage()
                    + " (set keys.source, or SHADOWFEED_KEYS_FILE / SHADOWFEED_KEYS)");
        }
    }

    static boolean usesKeys(TableSpec table) {
        return table.fields().stream().map(FieldSpec::policy).anyMatch(p -> p instanceof PseudonymizePolicy
                || p instanceof EncryptPolicy || p instanceof FakePolicy);
    }

    private void checkForeignKeys(List<TableSpec> tables) {
        Map<String, TableSpec> byName = new HashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        for (TableSpec table : tables) {
            for (ForeignKeySpec fk : table.foreignKeys()) {
                TableSpec parent = byName.get(fk.parentTable());
                String where = "table '" + table.name() + "', field '" + fk.field() + "'";
                if (parent == null) {
                    throw fail(where + ": foreign key references unknown table '" + fk.parentTable() + "'");
                }
                if (parent.schema().indexOf(fk.parentField()) < 0) {
                    throw fail(where + ": foreign key references '" + fk.parentField() + "', which table '"
                            + parent.name() + "' does not have");
                }
                if (parent != table && !fk.parentField().equals(parent.keyField())) {
                    throw fail(where + ": foreign key references '" + fk.parentField() + "', but a child waits for "
                            + "its parent by the parent's key, and table '" + parent.name() + "' has key '"
                            + parent.keyField() + "'");
                }
                if (parent != table && table.synthesis().orphans() == OrphanPolicy.SYNTHESIZE
                        && !parent.parentKeys().isEmpty()) {
                    // A parent made on demand would need parents of its own, which are upstream of this table.
                    throw fail("table '" + table.name() + "': orphans: synthesize needs every parent to be a root "
                            + "table, but '" + parent.name() + "' references " + parent.parentKeys().stream()
                            .map(ForeignKeySpec::parentTable).toList() + "; use orphans: dead-letter");
                }
            }
        }
        TableOrder.parentsFirst(tables, this::fail);
    }

    private void checkTopics(List<TableSpec> tables, String deadLetterTopic) {
        Set<String> outputs = new HashSet<>();
        Set<String> inputs = new HashSet<>();
        for (TableSpec table : tables) {
            if (!inputs.add(table.inputTopic())) {
                throw fail("table '" + table.name() + "': input topic " + table.inputTopic()
                        + " is used by another table");
            }
            if (!outputs.add(table.outputTopic())) {
                throw fail("table '" + table.name() + "': output topic " + table.outputTopic()
                        + " is used by another table");
            }
        }
        for (TableSpec table : tables) {
            if (inputs.contains(table.outputTopic()) || table.outputTopic().equals(deadLetterTopic)) {
                throw fail("table '" + table.name() + "': output topic " + table.outputTopic()
                        + " is also an input or the dead-letter topic");
            }
        }
    }

    private String readSchema(String reference, String where) {
        try {
            if (reference.startsWith("classpath:") || baseDir == null) {
                String resource = reference.startsWith("classpath:") ? reference.substring(10) : reference;
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw fail(where + ": schema " + reference + " is not on the classpath");
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = baseDir.resolve(reference);
            if (!Files.isRegularFile(path)) {
                throw fail(where + ": schema file " + path + " does not exist");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw fail(where + ": cannot read schema " + reference + " (" + e.getMessage() + ")");
        }
    }

    private Duration duration(JsonNode node, String key, Duration fallback) {
        if (!node.hasNonNull(key)) {
            return fallback;
        }
        try {
            return TimeUtils.parseDuration(node.get(key).asText());
        } catch (IllegalArgumentException e) {
            throw fail(key + ": not a duration such as 5s or 200ms. Provided value: " + node.get(key).asText());
        }
    }

    private String required(JsonNode node, String key, String where) {
        if (!node.hasNonNull(key) || node.get(key).asText().isBlank()) {
            throw fail(where + ": '" + key + "' is required");
        }
        return node.get(key).asText();
    }

    private void checkKeys(JsonNode node, Set<String> allowed, String prefix) {
        if (node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            throw fail(prefix + " must be a mapping");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw fail(prefix + "unknown key '" + key + "' (known: " + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private SpecException fail(String message) {
        return new SpecException(source + ": " + message);
    }
}
