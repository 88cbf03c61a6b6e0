package io.shadowfeed.job.serde;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.types.Row;

/**
 * The layout of the rows that flow between a table's operators: the table's fields in schema order, then the
 * metadata: the event time, the source record's Kafka timestamp (for end-to-end latency), its partition and offset
 * (so a record dead-lettered downstream still points at its original bytes), the synthetic parents' context values
 * that linkage gathers for the generator, and the model version that produced the row.
 *
 * <p>Rows get explicit {@link RowTypeInfo}, so nothing falls back to Kryo.
 */
public final class TableRows {

    public static final String EVENT_TIME = "__event_time";
    public static final String SOURCE_TIMESTAMP = "__source_timestamp";
    public static final String SOURCE_PARTITION = "__source_partition";
    public static final String SOURCE_OFFSET = "__source_offset";
    public static final String PARENT_CONTEXT = "__parent_context";
    public static final String MODEL_VERSION = "__model_version";
    public static final int METADATA_FIELDS = 6;
    /** What the model-version header says of a row no model touched (a table still on sanitize only). */
    public static final String NO_MODEL = "none";

    private TableRows() {}

    public static RowTypeInfo typeOf(TableSchema schema) {
        int n = schema.size();
        TypeInformation<?>[] types = new TypeInformation<?>[n + METADATA_FIELDS];
        String[] names = new String[n + METADATA_FIELDS];
        for (int i = 0; i < n; i++) {
            FieldSchema field = schema.field(i);
            types[i] = typeOf(field.type());
            names[i] = field.name();
        }
        types[n] = Types.LONG;
        names[n] = EVENT_TIME;
        types[n + 1] = Types.LONG;
        names[n + 1] = SOURCE_TIMESTAMP;
        types[n + 2] = Types.INT;
        names[n + 2] = SOURCE_PARTITION;
        types[n + 3] = Types.LONG;
        names[n + 3] = SOURCE_OFFSET;
        types[n + 4] = Types.MAP(Types.STRING, Types.STRING);
        names[n + 4] = PARENT_CONTEXT;
        types[n + 5] = Types.STRING;
        names[n + 5] = MODEL_VERSION;
        return new RowTypeInfo(types, names);
    }

    /** Copies the metadata of a row with {@code fromArity} fields onto a row with {@code toArity} fields. */
    public static void copyMetadata(Row from, int fromArity, Row to, int toArity) {
        for (int k = 0; k < METADATA_FIELDS; k++) {
            to.setField(toArity + k, from.getField(fromArity + k));
        }
    }

    public static int eventTimePosition(TableSchema schema) {
        return schema.size();
    }

    public static int sourceTimestampPosition(TableSchema schema) {
        return schema.size() + 1;
    }

    public static int sourcePartitionPosition(TableSchema schema) {
        return schema.size() + 2;
    }

    public static int sourceOffsetPosition(TableSchema schema) {
        return schema.size() + 3;
    }

    public static int parentContextPosition(TableSchema schema) {
        return schema.size() + 4;
    }

    public static int modelVersionPosition(TableSchema schema) {
        return schema.size() + 5;
    }

    private static TypeInformation<?> typeOf(FieldType type) {
        return switch (type) {
            case STRING -> Types.STRING;
            case INT, DATE -> Types.INT;
            case LONG, TIMESTAMP_MILLIS -> Types.LONG;
            case FLOAT -> Types.FLOAT;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case BYTES -> Types.PRIMITIVE_ARRAY(Types.BYTE);
        };
    }
}
