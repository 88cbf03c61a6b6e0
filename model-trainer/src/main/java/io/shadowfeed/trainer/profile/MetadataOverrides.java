package io.shadowfeed.trainer.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.trainer.data.ColumnKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
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
 * Column kinds declared in a metadata file; they win over inference. Two layouts are read:
 * <ul>
 *   <li>CTGAN's: {@code {"columns": [{"name": "age", "type": "continuous"}, ...]}} with the types
 *       {@code continuous}, {@code categorical}, {@code ordinal}, {@code datetime}, {@code boolean}, {@code id},
 *       {@code text}, an optional {@code "format"} (datetime pattern) and {@code "order"} (ordinal categories);</li>
 *   <li>SDV's single-table metadata: {@code {"columns": {"age": {"sdtype": "numerical"}, ...}}} (also inside
 *       {@code "tables"} when there is exactly one) with {@code numerical}, {@code categorical}, {@code datetime}
 *       (and {@code "datetime_format"}), {@code boolean}, {@code id}, {@code text}; SDV's other sdtypes ({@code pii},
 *       {@code email}, {@code phone_number}, ...) name personal data and become identifiers, which are not
 *       modelled.</li>
 * </ul>
 * Datetime formats are {@link DateTimeFormatter} patterns; strftime formats (with {@code %}) are translated.
 */
public record MetadataOverrides(List<DeclaredColumn> columns) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ColumnKind> KINDS = Map.ofEntries(Map.entry("continuous", ColumnKind.CONTINUOUS),
            Map.entry("numerical", ColumnKind.CONTINUOUS), Map.entry("numeric", ColumnKind.CONTINUOUS),
            Map.entry("categorical", ColumnKind.DISCRETE), Map.entry("discrete", ColumnKind.DISCRETE),
            Map.entry("ordinal", ColumnKind.ORDINAL), Map.entry("datetime", ColumnKind.DATETIME),
            Map.entry("boolean", ColumnKind.BOOLEAN), Map.entry("id", ColumnKind.IDENTIFIER),
            Map.entry("identifier", ColumnKind.IDENTIFIER), Map.entry("text", ColumnKind.FREE_TEXT),
            Map.entry("free_text", ColumnKind.FREE_TEXT));

    public MetadataOverrides {
        columns = List.copyOf(columns);
        Set<String> names = new HashSet<>();
        for (DeclaredColumn column : columns) {
            if (!names.add(column.name())) {
                throw new MetadataException("the metadata declares column '" + column.name() + "' twice");
            }
        }
    }

    /** No declarations: every kind is inferred. */
    public static MetadataOverrides none() {
        return new MetadataOverrides(List.of());
    }

    /** @throws MetadataException for a missing or unreadable file, bad JSON, or an entry it cannot use */
    public static MetadataOverrides read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new MetadataException("no such metadata file: " + file, e);
        } catch (IOException e) {
            throw new MetadataException("cannot read metadata file " + file + ": " + e.getMessage(), e);
        }
        return parse(json, file.toString());
    }

    /**
     * @param source what to call the JSON in messages, e.g. its file name
     * @throws MetadataException for bad JSON or an entry it cannot use
     */
    public static MetadataOverrides parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MetadataException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root != null && root.path("tables").isObject() && !root.has("columns")) {
            if (root.get("tables").size() != 1) {
                throw new MetadataException(source + " describes " + root.get("tables").size() + " tables; give the"
                        + " metadata of one table");
            }
            root = root.get("tables").elements().next();
        }
        JsonNode columns = root == null ? null : root.get("columns");
        List<DeclaredColumn> declared = new ArrayList<>();
        if (columns != null && columns.isArray()) {
            for (JsonNode entry : columns) {
                declared.add(ctganColumn(source, entry));
            }
        } else if (columns != null && columns.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                declared.add(sdvColumn(source, entry.getKey(), entry.getValue()));
            }
        } else {
            throw new MetadataException(source + " has no \"columns\": expected {\"columns\": [{\"name\": ...,"
                    + " \"type\": ...}]} (CTGAN) or {\"columns\": {\"<name>\": {\"sdtype\": ...}}} (SDV)");
        }
        try {
            return new MetadataOverrides(declared);
        } catch (MetadataException e) {
            throw new MetadataException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The declaration of each table column that has one, keyed by the table's column name. A metadata name matches
     * the column of the same name, else the one whose name is equal ignoring case and treating {@code -}, {@code _}
     * and spaces alike ({@code education-num} matches {@code education_num}).
     *
     * @throws MetadataException when a declared column matches no table column, or several
     */
    public Map<String, DeclaredColumn> match(List<String> tableColumns) {
        Map<String, List<String>> byNormalForm = new HashMap<>();
        for (String column : tableColumns) {
            byNormalForm.computeIfAbsent(normalise(column), k -> new ArrayList<>()).add(column);
        }
        Map<String, DeclaredColumn> matched = new LinkedHashMap<>();
        for (DeclaredColumn declared : columns) {
            String column;
            if (tableColumns.contains(declared.name())) {
                column = declared.name();
            } else {
                List<String> candidates = byNormalForm.getOrDefault(normalise(declared.name()), List.of());
                if (candidates.isEmpty()) {
                    throw new MetadataException("the metadata declares column '" + declared.name() + "', which the"
                            + " table does not have; the table's columns are " + tableColumns);
                }
                if (candidates.size() > 1) {
                    throw new MetadataException("the metadata's column '" + declared.name() + "' could be any of "
                            + candidates + "; spell it exactly as the table does");
                }
                column = candidates.get(0);
            }
            DeclaredColumn earlier = matched.putIfAbsent(column, declared);
            if (earlier != null) {
                throw new MetadataException("the metadata's columns '" + earlier.name() + "' and '" + declared.name()
                        + "' both match table column '" + column + "'; keep one");
            }
        }
        return matched;
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[-_\\s]+", "_");
    }

    private static DeclaredColumn ctganColumn(String source, JsonNode entry) {
        String name = text(entry, "name");
        if (name == null || name.isBlank()) {
            throw new MetadataException(source + ": a column entry has no \"name\"");
        }
        String type = text(entry, "type");
        ColumnKind kind = type == null ? null : KINDS.get(type.toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw new MetadataException(source + ": column '" + name + "' has " + (type == null ? "no \"type\""
                    : "type '" + type + "'") + "; use one of continuous, categorical, ordinal, datetime, boolean,"
                    + " id, text");
        }
        return declared(source, name, kind, text(entry, "format"), entry.get("order"));
    }

    private static DeclaredColumn sdvColumn(String source, String name, JsonNode entry) {
        String sdtype = text(entry, "sdtype");
        if (sdtype == null) {
            throw new MetadataException(source + ": column '" + name + "' has no \"sdtype\"");
        }
        ColumnKind kind = KINDS.getOrDefault(sdtype.toLowerCase(Locale.ROOT), ColumnKind.IDENTIFIER);
        JsonNode order = entry.has("order") ? entry.get("order") : entry.get("order_by");
        if (kind == ColumnKind.DISCRETE && order != null && order.isArray()) {
            kind = ColumnKind.ORDINAL;
        }
        return declared(source, name, kind, text(entry, "datetime_format"),
                kind == ColumnKind.ORDINAL ? order : null);
    }

    private static DeclaredColumn declared(String source, String name, ColumnKind kind, String format,
            JsonNode orderNode) {
        String pattern = null;
        if (format != null) {
            pattern = format.contains("%") ? Strftime.toPattern(source, name, format) : format;
            try {
                DateTimeFormatter.ofPattern(pattern);
            } catch (IllegalArgumentException e) {
                throw new MetadataException(source + ": column '" + name + "' has an invalid datetime format: "
                        + e.getMessage(), e);
            }
        }
        List<String> order = null;
        if (orderNode != null && !orderNode.isNull()) {
            if (!orderNode.isArray()) {
                throw new MetadataException(source + ": column '" + name + "': \"order\" must be a list of categories");
            }
            order = new ArrayList<>();
            for (JsonNode category : orderNode) {
                order.add(category.asText());
            }
        }
        try {
            return new DeclaredColumn(name, kind, pattern, order);
        } catch (IllegalArgumentException e) {
            throw new MetadataException(source + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
