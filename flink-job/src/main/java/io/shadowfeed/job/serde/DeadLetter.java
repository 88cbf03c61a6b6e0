package io.shadowfeed.job.serde;

/**
 * A record that could not be processed, bound for the dead-letter topic in the raw zone: the original key and value
 * bytes with where they came from and why. {@code detail} names schema ids, fields and types, never values.
 */
public class DeadLetter {

    public String table;
    public String reason;
    public String detail;
    public String sourceTopic;
    public int sourcePartition;
    public long sourceOffset;
    public long sourceTimestamp;
    public byte[] key;
    public byte[] value;

    public DeadLetter() {}

    public static DeadLetter of(String table, String reason, String detail, RawRecord raw) {
        DeadLetter letter = new DeadLetter();
        letter.table = table;
        letter.reason = reason;
        letter.detail = detail;
        letter.sourceTopic = raw.topic;
        letter.sourcePartition = raw.partition;
        letter.sourceOffset = raw.offset;
        letter.sourceTimestamp = raw.timestamp;
        letter.key = raw.key;
        letter.value = raw.value;
        return letter;
    }
}
