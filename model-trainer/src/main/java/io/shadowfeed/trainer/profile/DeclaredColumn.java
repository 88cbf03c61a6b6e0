package io.shadowfeed.trainer.profile;

import io.shadowfeed.trainer.data.ColumnKind;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One column's entry in a metadata file.
 *
 * @param name the name as the metadata spells it
 * @param kind the declared kind, which wins over inference
 * @param format for {@code DATETIME}: a {@link java.time.format.DateTimeFormatter} pattern, or null to detect it
 * @param order for {@code ORDINAL}: the categories in order, or null to sort them
 */
public record DeclaredColumn(String name, ColumnKind kind, String format, List<String> order) {

    public DeclaredColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (format != null && kind != ColumnKind.DATETIME) {
            throw new IllegalArgumentException("column '" + name + "': a format is for datetime columns, not " + kind);
        }
        if (order != null) {
            if (kind != ColumnKind.ORDINAL) {
                throw new IllegalArgumentException("column '" + name + "': an order is for ordinal columns, not "
                        + kind);
            }
            order = List.copyOf(order);
            if (new HashSet<>(order).size() != order.size()) {
                throw new IllegalArgumentException("column '" + name + "': the order lists a category twice");
            }
        }
    }
}
