package io.shadowfeed.job.serde;

/**
 * A Kafka record exactly as it was read: nothing is decoded at the source, so no byte sequence can fail the source
 * and every record can still be dead-lettered with its original bytes.
 *
 * <p>A Flink POJO (public fields, no-arg constructor), so it is serialized without Kryo.
 */
public class RawRecord {

    public String topic;
    public int partition;
    public long offset;
    /** The Kafka record timestamp (CreateTime as the producer set it, or LogAppendTime). */
    public long timestamp;
    public byte[] key;
    public byte[] value;

    public RawRecord() {}

    public RawRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
    }
}
