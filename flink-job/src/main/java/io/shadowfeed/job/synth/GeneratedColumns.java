package io.shadowfeed.job.synth;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.job.spec.ForeignKeySpec;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.profile.ColumnProfile;
import io.shadowfeed.trainer.profile.ColumnRenderer;
import io.shadowfeed.trainer.profile.TableProfile;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which output fields a model generates and how a generated cell becomes an Avro field value. A model column
 * generates a field when the field reaches the output and is not the key, a foreign key or the event time (those
 * keep their identity or their production timing). A generated value that does not fit the field (a null for a
 * required field, a category that is not a number) leaves the policy's value in place and is counted.
 */
public final class GeneratedColumns {

    private final List<Column> columns;
    private final List<String> modelColumns;

    private GeneratedColumns(List<Column> columns, List<String> modelColumns) {
        this.columns = List.copyOf(columns);
        this.modelColumns = List.copyOf(modelColumns);
    }

    /**
     * @param modelColumns the columns the generator produces, in its order
     * @throws IllegalArgumentException when the model generates none of the table's output fields
     */
    public static GeneratedColumns of(TableSpec table, List<String> modelColumns, TableProfile profile) {
        TableSchema output = table.outputSchema();
        Set<String> fixed = new HashSet<>();
        if (table.keyField() != null) {
            fixed.add(table.keyField());
        }
        if (table.eventTimeField() != null) {
            fixed.add(table.eventTimeField());
        }
        table.foreignKeys().stream().map(ForeignKeySpec::field).forEach(fixed::add);
        List<Column> columns = new ArrayList<>();
        for (int m = 0; m < modelColumns.size(); m++) {
            String name = modelColumns.get(m);
            int position = output.indexOf(name);
            if (position < 0 || fixed.contains(name)) {
                continue;
            }
            ColumnProfile column = profile.column(name);
            ChronoUnit unit = column.dateTime() == null ? null : column.dateTime().unit();
            columns.add(new Column(m, name, position, output.field(position), column.kind(),
                    ColumnRenderer.of(column), unit));
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("the model of table '" + table.name() + "' generates none of its "
                    + "output fields (model columns " + modelColumns + ", key, foreign keys and event time excluded)");
        }
        return new GeneratedColumns(columns, modelColumns);
    }

    /** The output fields it fills, by name. */
    public List<String> fieldNames() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * Writes one generated row into an output row's values.
     *
     * @return how many generated cells did not fit their field and left the policy's value
     */
    public int fill(DataTable generated, int row, Object[] outputValues) {
        int misfits = 0;
        for (Column column : columns) {
            Object value = column.convert(generated, row);
            if (value == Column.MISFIT) {
                misfits++;
            } else {
                outputValues[column.position()] = value;
            }
        }
        return misfits;
    }

    /**
     * The generated row's values as text, by model column (nulls left out): what children are conditioned on and
     * what keeps an entity's synthetic attributes stable. Numbers are written in the model's own unit.
     */
    public void describe(DataTable generated, int row, Map<String, String> into) {
        for (int m = 0; m < modelColumns.size(); m++) {
            if (generated.isNull(m, row)) {
                continue;
            }
            into.put(modelColumns.get(m), generated.kind(m).isNumeric()
                    ? Double.toString(generated.number(m, row)) : generated.category(m, row));
        }
    }

    /** Writes a description made by {@link #describe} back into an output row's values. */
    public int fill(Map<String, String> described, Object[] outputValues) {
        int misfits = 0;
        for (Column column : columns) {
            Object value = column.convert(described.get(column.name()));
            if (value == Column.MISFIT) {
                misfits++;
            } else {
                outputValues[column.position()] = value;
            }
        }
        return misfits;
    }

    private record Column(int modelIndex, String name, int position, FieldSchema field, ColumnKind kind,
            ColumnRenderer renderer, ChronoUnit unit) {

        static final Object MISFIT = new Object();

        Object convert(DataTable generated, int row) {
            if (generated.isNull(modelIndex, row)) {
                return field.nullable() ? null : MISFIT;
            }
            return kind.isNumeric() ? fromNumber(generated.number(modelIndex, row))
                    : fromText(generated.category(modelIndex, row));
        }

        Object convert(String described) {
            if (described == null) {
                return field.nullable() ? null : MISFIT;
            }
            if (!kind.isNumeric()) {
                return fromText(described);
            }
            try {
                return fromNumber(Double.parseDouble(described));
            } catch (NumberFormatException e) {
                return MISFIT;
            }
        }

        private Object fromNumber(double value) {
            if (!Double.isFinite(value)) {
                return field.nullable() ? null : MISFIT;
            }
            FieldType type = field.type();
            if (unit != null && (type == FieldType.TIMESTAMP_MILLIS || type == FieldType.DATE)) {
                double seconds = unit == ChronoUnit.DAYS ? value * 86_400d : value;
                return type == FieldType.TIMESTAMP_MILLIS ? (Object) Math.round(seconds * 1000d)
                        : (Object) (int) Math.floorDiv(Math.round(seconds), 86_400L);
            }
            // Rendering applies the column's profiled precision (whole numbers stay whole, decimals as observed).
            return fromText(renderer.renderNumber(value));
        }

        private Object fromText(String text) {
            if (text == null) {
                return field.nullable() ? null : MISFIT;
            }
            try {
                return switch (field.type()) {
                    case STRING -> text;
                    case INT -> (int) Math.round(Double.parseDouble(text));
                    case LONG, TIMESTAMP_MILLIS -> Math.round(Double.parseDouble(text));
                    case FLOAT -> Float.parseFloat(text);
                    case DOUBLE -> Double.parseDouble(text);
                    case BOOLEAN -> parseBoolean(text);
                    case DATE -> (int) Math.round(Double.parseDouble(text));
                    case BYTES -> MISFIT;
                };
            } catch (NumberFormatException e) {
                return MISFIT;
            }
        }

        private Object parseBoolean(String text) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "yes", "y", "t" -> Boolean.TRUE;
                case "false", "0", "no", "n", "f" -> Boolean.FALSE;
                default -> MISFIT;
            };
        }
    }
}
