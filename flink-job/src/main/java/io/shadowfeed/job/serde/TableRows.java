package io.shadowfeed.job.serde;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;

/**
 * The layout of the rows that flow between a table's operators: the table's fields in schema order, then two
 * metadata fields, the event time and the source record's Kafka timestamp (for end-to-end latency).
 *
 * <p>Rows get explicit {@link RowTypeInfo}, so nothing falls back to Kryo.
 */
public final class TableRows {

    public static final String EVENT_TIME = "__event_time";
    public static final String SOURCE_TIMESTAMP = "__source_timestamp";
    public static final int METADATA_FIELDS = 2;

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
        return new RowTypeInfo(types, names);
    }

    public static int eventTimePosition(TableSchema schema) {
        return schema.size();
    }

    public static int sourceTimestampPosition(TableSchema schema) {
        return schema.size() + 1;
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
