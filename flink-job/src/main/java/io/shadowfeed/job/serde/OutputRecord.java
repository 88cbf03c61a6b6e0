package io.shadowfeed.job.serde;

/** An anonymized record ready for its output topic. A Flink POJO. */
public class OutputRecord {

    public byte[] key;
    public byte[] value;
    /** The record's event time, kept so rates and ordering look like production. */
    public long timestamp;
    /** The model version that generated its modelled fields ({@code table/vN}), or {@code none}. */
    public String modelVersion;

    public OutputRecord() {}

    public OutputRecord(byte[] key, byte[] value, long timestamp, String modelVersion) {
        this.key = key;
        this.value = value;
        this.timestamp = timestamp;
        this.modelVersion = modelVersion;
    }
}
