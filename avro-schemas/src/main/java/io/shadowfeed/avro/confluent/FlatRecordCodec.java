package io.shadowfeed.avro.confluent;

import io.shadowfeed.avro.schema.FieldType;
import org.apache.flink.avro.shaded.org.apache.avro.LogicalType;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryDecoder;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryEncoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes a flat record (primitive fields, each optionally in a union with null) straight from Avro's binary
 * decoder and to its encoder by a per-field plan: no {@code GenericRecord}, no resolving grammar, no {@code Utf8},
 * no per-field union resolution. Written by hand because Avro has no such reader for this common case, and the
 * generic path was half of the job's per-record cost (docs/BENCHMARKS.md). Only for a writer schema whose binary
 * layout is the reader's; everything else takes Avro's resolving path.
 */
final class FlatRecordCodec {

    private final String[] names;
    private final FieldType[] types;
    /** Per field: the union branch that holds null, or -1 when the field is not a union with null. */
    private final int[] nullBranch;

    private FlatRecordCodec(String[] names, FieldType[] types, int[] nullBranch) {
        this.names = names;
        this.types = types;
        this.nullBranch = nullBranch;
    }

    /** A codec for the record schema, or empty when a field is not a primitive or a {@code ["null", T]} union. */
    static Optional<FlatRecordCodec> of(Schema record) {
        List<Schema.Field> fields = record.getFields();
        String[] names = new String[fields.size()];
        FieldType[] types = new FieldType[fields.size()];
        int[] nullBranch = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Schema type = fields.get(i).schema();
            names[i] = fields.get(i).name();
            nullBranch[i] = -1;
            if (type.getType() == Schema.Type.UNION) {
                List<Schema> branches = type.getTypes();
                if (branches.size() != 2) {
                    return Optional.empty();
                }
                int nullAt = branches.get(0).getType() == Schema.Type.NULL ? 0
                        : branches.get(1).getType() == Schema.Type.NULL ? 1 : -1;
                if (nullAt < 0) {
                    return Optional.empty();
                }
                nullBranch[i] = nullAt;
                type = branches.get(1 - nullAt);
            }
            FieldType fieldType = primitive(type);
            if (fieldType == null) {
                return Optional.empty();
            }
            types[i] = fieldType;
        }
        return Optional.of(new FlatRecordCodec(names, types, nullBranch));
    }

    /** @throws IOException on truncated input or a union branch that the schema does not have */
    Object[] read(BinaryDecoder in) throws IOException {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (nullBranch[i] >= 0) {
                int branch = in.readIndex();
                if (branch == nullBranch[i]) {
                    continue;
                }
                if (branch != 1 - nullBranch[i]) {
                    throw new IOException("union branch " + branch + " out of range for field " + names[i]);
                }
            }
            values[i] = switch (types[i]) {
                case STRING -> in.readString();
                case INT, DATE -> in.readInt();
                case LONG, TIMESTAMP_MILLIS -> in.readLong();
                case FLOAT -> in.readFloat();
                case DOUBLE -> in.readDouble();
                case BOOLEAN -> in.readBoolean();
                case BYTES -> {
                    ByteBuffer buffer = in.readBytes(null);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    yield bytes;
                }
            };
        }
        return values;
    }

    /** @throws IllegalArgumentException naming the field (never the value) when a value does not fit */
    void write(Object[] values, BinaryEncoder out) throws IOException {
        for (int i = 0; i < types.length; i++) {
            Object value = values[i];
            if (nullBranch[i] >= 0) {
                out.writeIndex(value == null ? nullBranch[i] : 1 - nullBranch[i]);
                if (value == null) {
                    continue;
                }
            } else if (value == null) {
                throw new IllegalArgumentException("null value for non-nullable field " + names[i]);
            }
            try {
                switch (types[i]) {
                    case STRING -> out.writeString(value.toString());
                    case INT, DATE -> out.writeInt((Integer) value);
                    case LONG, TIMESTAMP_MILLIS -> out.writeLong((Long) value);
                    case FLOAT -> out.writeFloat((Float) value);
                    case DOUBLE -> out.writeDouble((Double) value);
                    case BOOLEAN -> out.writeBoolean((Boolean) value);
                    case BYTES -> out.writeBytes((byte[]) value);
                }
            } catch (ClassCastException e) {
                throw new IllegalArgumentException("field " + names[i] + " expects " + types[i] + ", not "
                        + value.getClass().getSimpleName(), e);
            }
        }
    }

    private static FieldType primitive(Schema type) {
        LogicalType logical = type.getLogicalType();
        if (logical != null) {
            String name = logical.getName();
            if (name.equals("timestamp-millis") && type.getType() == Schema.Type.LONG) {
                return FieldType.TIMESTAMP_MILLIS;
            }
            if (name.equals("date") && type.getType() == Schema.Type.INT) {
                return FieldType.DATE;
            }
            return null;
        }
        return switch (type.getType()) {
            case STRING -> FieldType.STRING;
            case INT -> FieldType.INT;
            case LONG -> FieldType.LONG;
            case FLOAT -> FieldType.FLOAT;
            case DOUBLE -> FieldType.DOUBLE;
            case BOOLEAN -> FieldType.BOOLEAN;
            case BYTES -> FieldType.BYTES;
            default -> null;
        };
    }
}
