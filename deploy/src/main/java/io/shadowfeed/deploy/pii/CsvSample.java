package io.shadowfeed.deploy.pii;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The first rows of a CSV, as text: what a column classifier looks at. An empty field is null.
 *
 * @param source the CSV's name, for messages
 * @param columns the header, in file order
 * @param rows one map per row from column name to value (null for an empty field), in file order
 */
public record CsvSample(String source, List<String> columns, List<Map<String, String>> rows) {

    public CsvSample {
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** The values of one column, aligned with {@link #rows()}; nulls stand for empty fields. */
    public List<String> values(String column) {
        List<String> values = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            values.add(row.get(column));
        }
        return values;
    }
}
