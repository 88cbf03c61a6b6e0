package io.shadowfeed.avro.schema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A flat record schema: a named, ordered list of fields. The neutral form of an Avro record schema that the rest of
 * the code works with; only {@code io.shadowfeed.avro.confluent} translates it to and from Avro.
 */
public record TableSchema(String namespace, String name, List<FieldSchema> fields) implements java.io.Serializable {

    public TableSchema {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a table schema needs at least one field: " + name);
        }
        Set<String> seen = new HashSet<>();
        for (FieldSchema field : fields) {
            if (!seen.add(field.name())) {
                throw new IllegalArgumentException("duplicate field '" + field.name() + "' in schema " + name);
            }
        }
    }

    public String fullName() {
        return namespace == null || namespace.isEmpty() ? name : namespace + "." + name;
    }

    public int size() {
        return fields.size();
    }

    public FieldSchema field(int index) {
        return fields.get(index);
    }

    public Optional<FieldSchema> field(String fieldName) {
        int index = indexOf(fieldName);
        return index < 0 ? Optional.empty() : Optional.of(fields.get(index));
    }

    /** The position of a field, or -1. */
    public int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    public Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            positions.put(fields.get(i).name(), i);
        }
        return positions;
    }
}
