package io.shadowfeed.privacy.dp.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shadowfeed.privacy.dp.accounting.RdpConversion;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The persisted form of ledger records: one JSON object per record, on one line, the same in the file, in the topic
 * and in audit exports. Every object carries {@code "format": 1}; a reader refuses formats it does not know rather
 * than guess. Infinite numbers are written as the string {@code "Infinity"}.
 *
 * <pre>
 * {"format":1,"kind":"budget","dataset":"adult","id":"budget","sequence":0,"epsilon":3.0,"delta":1.0E-5,
 *  "timestamp":"2025-01-01T00:00:00Z","principal":"ops"}
 * {"format":1,"kind":"charge","dataset":"adult","id":"0b6f...","sequence":1,"mechanism":"gaussian",
 *  "parameters":{"count":1,"noise_multiplier":2.0},"loss":{"type":"zcdp","rho":0.125},
 *  "epsilon":{"epsilon":1.2,"delta":1.0E-5,"order":9.3,"conversion":"tight"},"purpose":"...",
 *  "timestamp":"...","principal":"..."}
 * </pre>
 */
public final class LedgerRecordCodec {

    /** The version of the format this class writes, and the only one it reads. */
    public static final int FORMAT = 1;

    // trailing tokens are an error: a line holds exactly one record
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String INFINITY = "Infinity";

    private LedgerRecordCodec() {}

    /** The record's key in the topic: dataset and id, so that compaction never drops a record. */
    public static String key(LedgerRecord record) {
        return key(record.dataset(), record.id());
    }

    static String key(String dataset, String id) {
        return dataset + "/" + id;
    }

    /** The dataset of a key written by {@link #key}: everything before the last '/' (ids hold no '/'). */
    public static String datasetOfKey(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? null : key.substring(0, slash);
    }

    /** One line of JSON, without the line break. */
    public static String encode(LedgerRecord record) {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        if (record instanceof BudgetDeclaration budget) {
            json.put("kind", "budget");
            common(json, record);
            json.put("epsilon", budget.budget().epsilon());
            json.put("delta", budget.budget().delta());
        } else {
            LedgerEntry entry = (LedgerEntry) record;
            json.put("kind", "charge");
            common(json, record);
            json.put("mechanism", entry.mechanism());
            ObjectNode parameters = json.putObject("parameters");
            entry.parameters().forEach((name, value) -> {
                if (value instanceof String text) {
                    parameters.put(name, text);
                } else if (value instanceof Long number) {
                    parameters.put(name, number);
                } else {
                    parameters.put(name, (Double) value);
                }
            });
            json.set("loss", encode(entry.loss()));
            json.set("epsilon", encode(entry.epsilon()));
            json.put("purpose", entry.purpose());
        }
        json.put("timestamp", record.timestamp().toString());
        json.put("principal", record.principal());
        return write(json);
    }

    /** A summary as one line of JSON, with {@code "kind": "summary"}. */
    public static String encode(LedgerSummary summary) {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("kind", "summary");
        json.put("dataset", summary.dataset());
        ObjectNode budget = json.putObject("budget");
        budget.put("epsilon", summary.budget().epsilon());
        budget.put("delta", summary.budget().delta());
        json.put("entries", summary.entries());
        json.put("composition", "rdp");
        json.set("spent", encode(summary.spent()));
        putNumber(json, "remaining_epsilon", summary.remainingEpsilon());
        return write(json);
    }

    /**
     * The record on this line, or {@link IllegalArgumentException} saying what is wrong with it (the caller adds
     * where the line was).
     */
    public static LedgerRecord decode(String line) {
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int format = field(json, "format").asInt(-1);
        if (!field(json, "format").isInt() || format != FORMAT) {
            throw new IllegalArgumentException("format " + field(json, "format") + " is not " + FORMAT
                    + ", the only ledger format this version of Shadowfeed reads");
        }
        try {
            return switch (text(json, "kind")) {
                case "budget" -> decodeBudget(json);
                case "charge" -> decodeEntry(json);
                default -> throw new IllegalArgumentException("unknown kind '" + text(json, "kind") + "'");
            };
        } catch (NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static BudgetDeclaration decodeBudget(JsonNode json) {
        BudgetDeclaration declaration = new BudgetDeclaration(text(json, "dataset"),
                new PrivacyBudget(number(json, "epsilon"), number(json, "delta")),
                Instant.parse(text(json, "timestamp")), text(json, "principal"));
        requireEqual("id", text(json, "id"), BudgetDeclaration.ID);
        requireEqual("sequence", field(json, "sequence").asText(), "0");
        return declaration;
    }

    private static LedgerEntry decodeEntry(JsonNode json) {
        JsonNode sequence = field(json, "sequence");
        if (!sequence.canConvertToLong() || !sequence.isIntegralNumber()) {
            throw new IllegalArgumentException("sequence must be an integer, got " + sequence);
        }
        return new LedgerEntry(text(json, "id"), text(json, "dataset"), sequence.asLong(), text(json, "mechanism"),
                parameters(field(json, "parameters")), loss(field(json, "loss")), epsilon(field(json, "epsilon")),
                text(json, "purpose"), Instant.parse(text(json, "timestamp")), text(json, "principal"));
    }

    private static void common(ObjectNode json, LedgerRecord record) {
        json.put("dataset", record.dataset());
        json.put("id", record.id());
        json.put("sequence", record.sequence());
    }

    private static ObjectNode encode(PrivacyLoss loss) {
        ObjectNode json = JSON.createObjectNode();
        if (loss instanceof PrivacyLoss.Zcdp zcdp) {
            json.put("type", "zcdp");
            json.put("rho", zcdp.rho());
        } else {
            PrivacyLoss.Rdp rdp = (PrivacyLoss.Rdp) loss;
            json.put("type", "rdp");
            ArrayNode orders = json.putArray("orders");
            rdp.orders().forEach(orders::add);
            ArrayNode values = json.putArray("values");
            for (double value : rdp.values()) {
                if (Double.isInfinite(value)) {
                    values.add(INFINITY);
                } else {
                    values.add(value);
                }
            }
        }
        return json;
    }

    private static PrivacyLoss loss(JsonNode json) {
        return switch (text(json, "type")) {
            case "zcdp" -> new PrivacyLoss.Zcdp(number(json, "rho"));
            case "rdp" -> new PrivacyLoss.Rdp(numbers(field(json, "orders")), numbers(field(json, "values")));
            default -> throw new IllegalArgumentException("unknown loss type '" + text(json, "type") + "'");
        };
    }

    private static ObjectNode encode(EpsilonGuarantee epsilon) {
        ObjectNode json = JSON.createObjectNode();
        putNumber(json, "epsilon", epsilon.epsilon());
        json.put("delta", epsilon.delta());
        json.put("order", epsilon.order());
        json.put("conversion", epsilon.conversion().name().toLowerCase(Locale.ROOT));
        return json;
    }

    private static EpsilonGuarantee epsilon(JsonNode json) {
        String conversion = text(json, "conversion");
        RdpConversion parsed;
        try {
            parsed = RdpConversion.valueOf(conversion.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown conversion '" + conversion + "'", e);
        }
        return new EpsilonGuarantee(number(json, "epsilon"), number(json, "delta"), number(json, "order"), parsed);
    }

    private static Map<String, Object> parameters(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("parameters must be an object, got " + json);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> parameter : json.properties()) {
            JsonNode value = parameter.getValue();
            if (value.isTextual()) {
                parameters.put(parameter.getKey(), value.asText());
            } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                parameters.put(parameter.getKey(), value.asLong());
            } else if (value.isFloatingPointNumber()) {
                parameters.put(parameter.getKey(), value.asDouble());
            } else {
                throw new IllegalArgumentException("parameter '" + parameter.getKey() + "' must be a string or a "
                        + "number, got " + value);
            }
        }
        return parameters;
    }

    private static JsonNode field(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return value;
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = field(json, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be a string, got " + value);
        }
        return value.asText();
    }

    private static double number(JsonNode json, String name) {
        return toDouble(field(json, name), name);
    }

    private static double toDouble(JsonNode value, String name) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual() && value.asText().equals(INFINITY)) {
            return Double.POSITIVE_INFINITY;
        }
        throw new IllegalArgumentException("field '" + name + "' must be a number, got " + value);
    }

    private static List<Double> numbers(JsonNode json) {
        if (!json.isArray()) {
            throw new IllegalArgumentException("expected an array of numbers, got " + json);
        }
        List<Double> numbers = new ArrayList<>(json.size());
        for (JsonNode value : json) {
            numbers.add(toDouble(value, "array element"));
        }
        return numbers;
    }

    private static void putNumber(ObjectNode json, String name, double value) {
        if (Double.isInfinite(value)) {
            json.put(name, INFINITY);
        } else {
            json.put(name, value);
        }
    }

    private static void requireEqual(String field, String actual, String expected) {
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("a budget declaration's " + field + " must be " + expected + ", got "
                    + actual);
        }
    }

    private static String write(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a ledger record as JSON", e);
        }
    }
}
