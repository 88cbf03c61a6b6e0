package io.shadowfeed.job.serde;

/** Header names Shadowfeed writes: on dead letters (reason, source) and on output records (spec and model
 * version). */
public final class ShadowfeedHeaders {

    public static final String REASON = "shadowfeed-dlq-reason";
    public static final String DETAIL = "shadowfeed-dlq-detail";
    public static final String TABLE = "shadowfeed-dlq-table";
    public static final String SOURCE_TOPIC = "shadowfeed-dlq-source-topic";
    public static final String SOURCE_PARTITION = "shadowfeed-dlq-source-partition";
    public static final String SOURCE_OFFSET = "shadowfeed-dlq-source-offset";
    public static final String SOURCE_TIMESTAMP = "shadowfeed-dlq-source-timestamp";

    /** On every output record: the spec's name and format version that produced it. */
    public static final String SPEC_VERSION = "shadowfeed-spec-version";
    /** On every output record: the model version ({@code table/vN}) that generated it, or {@code none}. */
    public static final String MODEL_VERSION = "shadowfeed-model-version";
    /** On a parent generated on demand for an orphan: {@code true}. */
    public static final String SYNTHESIZED_PARENT = "shadowfeed-synthesized-parent";

    private ShadowfeedHeaders() {}
}
