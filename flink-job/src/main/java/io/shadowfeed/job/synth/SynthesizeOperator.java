package io.shadowfeed.job.synth;

import io.shadowfeed.job.link.ParentAnnouncement;
import io.shadowfeed.job.metrics.TableMetrics;
import io.shadowfeed.job.model.ModelVersion;
import io.shadowfeed.job.serde.TableRows;
import io.shadowfeed.job.spec.ServingSpec;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.trainer.data.DataTable;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills a table's modelled fields from its generator. Input 1: the table's sanitized (and linked) rows; input 2: the
 * model versions, broadcast to every subtask.
 *
 * <p>Inference is micro-batched: rows wait in a batch that is generated when it holds {@code models.batch-size}
 * rows, when its first row has waited {@code models.flush-interval}, before a checkpoint barrier (so a checkpoint
 * never holds half-processed rows) and before a watermark passes (so nothing emitted is late). Rows leave in the
 * order they came. A conditioned model gets each row's parent context, which linkage gathered.
 *
 * <p>With stable attributes (keyed by the table's output key) the first generated values of a key are kept in state
 * and reused for its later records, so an entity keeps its synthetic attributes across updates. Without a model the
 * rows pass as the policies made them (bootstrap), and switch to the generator when a version arrives.
 *
 * <p>Every row leaves stamped with the model version that generated it, and announces itself to the tables that
 * reference this one ({@link #announcements}).
 */
public final class SynthesizeOperator extends AbstractStreamOperator<Row>
        implements TwoInputStreamOperator<Row, ModelVersion, Row>, BoundedMultiInput {

    private static final long serialVersionUID = 1L;

    private final TableSpec table;
    private final ServingSpec servingSpec;
    private final boolean stable;
    private final OutputTag<ParentAnnouncement> announcements;
    private final OutputTag<ModelStatus> statusTag;
    private final ModelVersion initialVersion;

    private transient int arity;
    private transient int keyPosition;
    private transient ModelServing serving;
    private transient ValueState<Map<String, String>> attributes;
    private transient ServedVersions servedVersions;
    private transient List<Pending> batch;
    private transient boolean flushScheduled;
    private transient SplittableRandom seeds;
    private transient Counter generated;
    private transient Counter misfits;

    /**
     * @param stable whether input 1 is keyed by the output key and keys keep their synthetic values
     * @param initialVersion the version the spec names, served from the first record unless a restored checkpoint
     *     says otherwise; null for none
     */
    public SynthesizeOperator(TableSpec table, ServingSpec servingSpec, boolean stable,
            OutputTag<ParentAnnouncement> announcements, OutputTag<ModelStatus> statusTag,
            ModelVersion initialVersion) {
        this.table = table;
        this.servingSpec = servingSpec;
        this.stable = stable;
        this.announcements = announcements;
        this.statusTag = statusTag;
        this.initialVersion = initialVersion;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        servedVersions = ServedVersions.register(context);
        if (stable) {
            ValueStateDescriptor<Map<String, String>> descriptor = new ValueStateDescriptor<>("stable-attributes",
                    Types.MAP(Types.STRING, Types.STRING));
            StateTtl.apply(descriptor, servingSpec.stateTtl());
            attributes = context.getKeyedStateStore().getState(descriptor);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        arity = table.outputSchema().size();
        keyPosition = table.keyField() == null ? -1 : table.outputSchema().indexOf(table.keyField());
        batch = new ArrayList<>();
        seeds = new SplittableRandom(new SecureRandom().nextLong());
        var metrics = getRuntimeContext().getMetricGroup();
        generated = TableMetrics.counter(metrics, table.name(), TableMetrics.RECORDS_GENERATED);
        misfits = TableMetrics.counter(metrics, table.name(), TableMetrics.GENERATED_MISFITS);
        serving = new ModelServing(List.of(table), servingSpec, metrics,
                "synthesize-" + table.name() + "#" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        ModelVersion start = servedVersions.startVersion(table.name(), initialVersion);
        if (start != null) {
            serving.loadNow(start);
        }
        emitStatuses();
    }

    @Override
    public void processElement1(StreamRecord<Row> element) throws Exception {
        Row row = element.getValue();
        if (!batch.isEmpty()) {
            enqueue(element);
            return;
        }
        LoadedModel model = serving.current(table.name());
        emitStatuses();
        if (model == null) {
            row.setField(arity + 5, TableRows.NO_MODEL);
            emit(element, row, null);
            return;
        }
        if (stable) {
            Map<String, String> known = attributes.value();
            if (known != null) {
                fill(model, known, row);
                emit(element, row, known);
                return;
            }
        }
        enqueue(element);
    }

    private void enqueue(StreamRecord<Row> element) throws Exception {
        batch.add(new Pending(element.getValue(), element.hasTimestamp() ? element.getTimestamp() : Long.MIN_VALUE,
                stable ? getCurrentKey() : null));
        if (batch.size() >= servingSpec.batchSize()) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            long at = getProcessingTimeService().getCurrentProcessingTime() + servingSpec.flushInterval().toMillis();
            getProcessingTimeService().registerTimer(at, time -> {
                flushScheduled = false;
                flush();
            });
        }
    }

    /** Generates the waiting rows in one call and emits them, in the order they came. */
    private void flush() throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        List<Pending> rows = batch;
        batch = new ArrayList<>();
        LoadedModel model = serving.current(table.name());
        emitStatuses();
        Object previousKey = stable ? getCurrentKey() : null;
        // Which rows need new values: a key seen earlier in this batch or in state reuses its values.
        Map<Object, Map<String, String>> known = new HashMap<>();
        List<Integer> toGenerate = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Pending pending = rows.get(i);
            if (model == null) {
                continue;
            }
            if (stable) {
                if (known.containsKey(pending.key)) {
                    continue;
                }
                setCurrentKey(pending.key);
                Map<String, String> stored = attributes.value();
                if (stored != null) {
                    known.put(pending.key, stored);
                    continue;
                }
                known.put(pending.key, null);
            }
            toGenerate.add(i);
        }
        DataTable values = null;
        if (!toGenerate.isEmpty()) {
            values = generate(model, rows, toGenerate);
            generated.inc(toGenerate.size());
        }
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            Pending pending = rows.get(i);
            Row row = pending.row;
            Map<String, String> described = null;
            if (model == null) {
                row.setField(arity + 5, TableRows.NO_MODEL);
            } else if (next < toGenerate.size() && toGenerate.get(next) == i) {
                described = new LinkedHashMap<>();
                model.columns().describe(values, next, described);
                Object[] out = fields(row);
                misfits.inc(model.columns().fill(values, next, out));
                setFields(row, out);
                next++;
                if (stable) {
                    setCurrentKey(pending.key);
                    attributes.update(described);
                    known.put(pending.key, described);
                }
            } else {
                described = known.get(pending.key);
                fill(model, described, row);
            }
            if (model != null) {
                row.setField(arity + 5, model.label());
            }
            if (stable) {
                setCurrentKey(pending.key);
            }
            output.collect(pending.timestamp == Long.MIN_VALUE ? new StreamRecord<>(row)
                    : new StreamRecord<>(row, pending.timestamp));
            announce(row, described, pending.timestamp);
        }
        if (stable && previousKey != null) {
            setCurrentKey(previousKey);
        }
    }

    private DataTable generate(LoadedModel model, List<Pending> rows, List<Integer> indices) {
        long seed = seeds.nextLong();
        if (!model.conditioned()) {
            return model.sample(indices.size(), seed);
        }
        List<Map<String, String>> contexts = new ArrayList<>(indices.size());
        for (int i : indices) {
            @SuppressWarnings("unchecked")
            Map<String, String> context = (Map<String, String>) rows.get(i).row.getField(arity + 4);
            contexts.add(context == null ? Map.of() : context);
        }
        return model.sampleForContexts(contexts, seed);
    }

    private void fill(LoadedModel model, Map<String, String> described, Row row) {
        Object[] out = fields(row);
        misfits.inc(model.columns().fill(described, out));
        setFields(row, out);
        row.setField(arity + 5, model.label());
    }

    private Object[] fields(Row row) {
        Object[] values = new Object[arity];
        for (int i = 0; i < arity; i++) {
            values[i] = row.getField(i);
        }
        return values;
    }

    private void setFields(Row row, Object[] values) {
        for (int i = 0; i < arity; i++) {
            row.setField(i, values[i]);
        }
    }

    private void emit(StreamRecord<Row> element, Row row, Map<String, String> described) {
        output.collect(element.replace(row));
        announce(row, described, element.hasTimestamp() ? element.getTimestamp() : Long.MIN_VALUE);
    }

    /** Tells the tables that reference this one what this parent looks like now. */
    private void announce(Row row, Map<String, String> described, long timestamp) {
        if (keyPosition < 0 || announcements == null) {
            return;
        }
        Object key = row.getField(keyPosition);
        if (key == null) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < arity; i++) {
            Object value = row.getField(i);
            if (value != null && !(value instanceof byte[])) {
                values.put(table.outputSchema().field(i).name(), value.toString());
            }
        }
        if (described != null) {
            values.putAll(described);
        }
        ParentAnnouncement announcement = new ParentAnnouncement(key.toString(), values);
        output.collect(announcements, timestamp == Long.MIN_VALUE ? new StreamRecord<>(announcement)
                : new StreamRecord<>(announcement, timestamp));
    }

    private void emitStatuses() {
        for (ModelStatus status : serving.drainStatuses()) {
            output.collect(statusTag, new StreamRecord<>(status));
        }
    }

    @Override
    public void processElement2(StreamRecord<ModelVersion> element) {
        serving.offer(element.getValue());
    }

    /** Only the rows' event time matters: the model stream carries no event time and must not hold it back. */
    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        flush();
        processWatermark(mark);
    }

    @Override
    public void processWatermark2(Watermark mark) {
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        servedVersions.snapshot(serving);
    }

    @Override
    public void endInput(int inputId) throws Exception {
        if (inputId == 2) {
            // The last published version must serve what is left of a bounded input.
            serving.awaitLoads(Duration.ofMinutes(2).toMillis());
        }
        flush();
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        if (serving != null) {
            serving.close();
        }
        super.close();
    }

    private record Pending(Row row, long timestamp, Object key) {
    }
}
