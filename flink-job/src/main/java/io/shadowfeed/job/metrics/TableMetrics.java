package io.shadowfeed.job.metrics;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The per-table metrics users watch: every metric sits under the group {@code shadowfeed.table.<name>}, so a reporter
 * shows e.g. {@code shadowfeed_table_records_in{table="customer"}}.
 */
public final class TableMetrics {

    public static final String GROUP = "shadowfeed";
    public static final String TABLE_VARIABLE = "table";
    public static final String RECORDS_IN = "records_in";
    public static final String RECORDS_OUT = "records_out";
    public static final String RECORDS_DEAD_LETTERED = "records_dead_lettered";
    public static final String UNKNOWN_FIELDS_DROPPED = "unknown_fields_dropped";
    public static final String END_TO_END_LATENCY_MS = "end_to_end_latency_ms";
    public static final String RECORDS_GENERATED = "records_generated";
    public static final String GENERATED_MISFITS = "generated_values_misfit";
    public static final String ORPHANS = "orphans";
    public static final String PARENTS_SYNTHESIZED = "parents_synthesized";
    public static final String CHILDREN_WAITING = "children_waiting";
    public static final String MODEL_LOAD_FAILURES = "model_load_failures";
    public static final String MODEL_SWAPS = "model_swaps";
    public static final String MODEL_VERSION = "model_version";

    /** Samples kept by the latency histogram: enough for a stable p99 over the last few seconds. */
    private static final int LATENCY_WINDOW = 2048;

    private TableMetrics() {}

    public static MetricGroup group(MetricGroup operatorGroup, String table) {
        return operatorGroup.addGroup(GROUP).addGroup(TABLE_VARIABLE, table);
    }

    public static Counter counter(MetricGroup operatorGroup, String table, String name) {
        return group(operatorGroup, table).counter(name);
    }

    public static Histogram latencyHistogram(MetricGroup operatorGroup, String table) {
        return group(operatorGroup, table).histogram(END_TO_END_LATENCY_MS,
                new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
    }
}
