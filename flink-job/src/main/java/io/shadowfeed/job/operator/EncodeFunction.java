package io.shadowfeed.job.operator;

import io.shadowfeed.avro.confluent.ConfluentWireEncoder;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.job.metrics.TableMetrics;
import io.shadowfeed.job.serde.OutputRecord;
import io.shadowfeed.job.serde.TableRows;
import io.shadowfeed.job.spec.TableSpec;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.types.Row;

import java.nio.charset.StandardCharsets;

/**
 * Encodes a sanitized row as Confluent Avro under the output topic's subject ({@code <topic>-value}, registered on
 * open) and keys it by the table's key field as UTF-8 text, so records of one entity stay in one partition.
 */
public final class EncodeFunction extends RichMapFunction<Row, OutputRecord> {

    private static final long serialVersionUID = 1L;

    private final String tableName;
    private final String registryUrl;
    private final String subject;
    private final TableSchema outputSchema;
    private final int keyPosition;

    private transient RegistryConnection registry;
    private transient ConfluentWireEncoder encoder;
    private transient Counter recordsOut;
    private transient Histogram latency;
    private transient Object[] values;

    public EncodeFunction(TableSpec table, String registryUrl) {
        this.tableName = table.name();
        this.registryUrl = registryUrl;
        this.subject = table.outputTopic() + "-value";
        this.outputSchema = table.outputSchema();
        this.keyPosition = table.keyField() == null ? -1 : outputSchema.indexOf(table.keyField());
    }

    @Override
    public void open(OpenContext openContext) {
        registry = RegistryConnection.open(registryUrl);
        encoder = new ConfluentWireEncoder(registry, subject, outputSchema);
        var metrics = getRuntimeContext().getMetricGroup();
        recordsOut = TableMetrics.counter(metrics, tableName, TableMetrics.RECORDS_OUT);
        latency = TableMetrics.latencyHistogram(metrics, tableName);
        values = new Object[outputSchema.size()];
    }

    @Override
    public OutputRecord map(Row row) {
        int n = values.length;
        for (int i = 0; i < n; i++) {
            values[i] = row.getField(i);
        }
        byte[] value = encoder.encode(values);
        Object key = keyPosition >= 0 ? values[keyPosition] : null;
        long eventTime = (Long) row.getField(n);
        long sourceTimestamp = (Long) row.getField(n + 1);
        String modelVersion = (String) row.getField(n + 5);
        recordsOut.inc();
        latency.update(Math.max(0, System.currentTimeMillis() - sourceTimestamp));
        return new OutputRecord(key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8), value,
                eventTime, modelVersion == null ? TableRows.NO_MODEL : modelVersion);
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
