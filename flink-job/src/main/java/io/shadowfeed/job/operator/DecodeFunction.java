package io.shadowfeed.job.operator;

import io.shadowfeed.avro.confluent.ConfluentWireDecoder;
import io.shadowfeed.avro.confluent.DecodeException;
import io.shadowfeed.avro.confluent.DecodedValue;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.job.metrics.TableMetrics;
import io.shadowfeed.job.serde.DeadLetter;
import io.shadowfeed.job.serde.RawRecord;
import io.shadowfeed.job.serde.TableRows;
import io.shadowfeed.job.spec.TableSpec;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a table's raw Kafka records (Confluent wire format) and validates them against the spec. A record that
 * cannot be used goes to the dead-letter side output with its reason and original bytes; the registry being down is
 * not the record's fault and fails the task instead, so Flink retries from the last checkpoint.
 */
public final class DecodeFunction extends ProcessFunction<RawRecord, Row> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DecodeFunction.class);

    private final TableSpec table;
    private final String registryUrl;
    private final int maxRecordBytes;

    private transient RegistryConnection registry;
    private transient ConfluentWireDecoder decoder;
    private transient Counter recordsIn;
    private transient Counter deadLettered;
    private transient Counter unknownFieldsDropped;
    private transient int arity;
    private transient int keyPosition;
    private transient int eventTimePosition;

    public DecodeFunction(TableSpec table, String registryUrl, int maxRecordBytes) {
        this.table = table;
        this.registryUrl = registryUrl;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public void open(OpenContext openContext) {
        registry = RegistryConnection.open(registryUrl);
        decoder = new ConfluentWireDecoder(registry, table.avroSchemaJson());
        var metrics = getRuntimeContext().getMetricGroup();
        recordsIn = TableMetrics.counter(metrics, table.name(), TableMetrics.RECORDS_IN);
        deadLettered = TableMetrics.counter(metrics, table.name(), TableMetrics.RECORDS_DEAD_LETTERED);
        unknownFieldsDropped = TableMetrics.counter(metrics, table.name(), TableMetrics.UNKNOWN_FIELDS_DROPPED);
        arity = table.schema().size();
        keyPosition = table.keyPosition();
        eventTimePosition = table.eventTimePosition();
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<Row> out) {
        recordsIn.inc();
        int size = (raw.key == null ? 0 : raw.key.length) + (raw.value == null ? 0 : raw.value.length);
        if (size > maxRecordBytes) {
            deadLetter(ctx, raw, DeadLetters.OVERSIZED_RECORD,
                    "record of " + size + " bytes exceeds job.max-record-bytes " + maxRecordBytes);
            return;
        }
        DecodedValue decoded;
        try {
            decoded = decoder.decode(raw.value);
        } catch (DecodeException e) {
            deadLetter(ctx, raw, e.failure().name(), e.getMessage());
            return;
        }
        Object[] values = decoded.values();
        if (keyPosition >= 0 && values[keyPosition] == null) {
            deadLetter(ctx, raw, DeadLetters.MISSING_KEY, "key field " + table.keyField() + " is null");
            return;
        }
        if (decoded.unknownFieldCount() > 0) {
            unknownFieldsDropped.inc(decoded.unknownFieldCount());
        }
        Row row = Row.withPositions(arity + TableRows.METADATA_FIELDS);
        for (int i = 0; i < arity; i++) {
            row.setField(i, values[i]);
        }
        Object eventTime = eventTimePosition >= 0 ? values[eventTimePosition] : null;
        // A null event time (a cancelled flight has no departure) falls back to the Kafka timestamp.
        row.setField(arity, eventTime != null ? (Long) eventTime : raw.timestamp);
        row.setField(arity + 1, raw.timestamp);
        row.setField(arity + 2, raw.partition);
        row.setField(arity + 3, raw.offset);
        row.setField(arity + 5, TableRows.NO_MODEL);
        out.collect(row);
    }

    private void deadLetter(Context ctx, RawRecord raw, String reason, String detail) {
        deadLettered.inc();
        LOG.debug("dead letter table={} reason={} topic={} partition={} offset={}",
                table.name(), reason, raw.topic, raw.partition, raw.offset);
        ctx.output(DeadLetters.TAG, DeadLetter.of(table.name(), reason, detail, raw));
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
