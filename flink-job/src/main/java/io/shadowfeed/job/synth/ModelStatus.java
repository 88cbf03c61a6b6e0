package io.shadowfeed.job.synth;

/**
 * What happened to a model version in one operator: {@code SERVING} once swapped in, {@code REJECTED} when it could
 * not be loaded (the previous version keeps serving). A Flink POJO, written to the models status topic.
 */
public class ModelStatus {

    public static final String SERVING = "SERVING";
    public static final String REJECTED = "REJECTED";

    public String table;
    public String version;
    public String status;
    /** Why it was rejected: artifact paths, checksums, gate verdicts; never data values. */
    public String detail;
    public String operator;
    public long timeMillis;

    public ModelStatus() {}

    public static ModelStatus of(String table, String version, String status, String detail, String operator) {
        ModelStatus event = new ModelStatus();
        event.table = table;
        event.version = version;
        event.status = status;
        event.detail = detail;
        event.operator = operator;
        event.timeMillis = System.currentTimeMillis();
        return event;
    }
}
