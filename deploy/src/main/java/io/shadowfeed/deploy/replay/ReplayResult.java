package io.shadowfeed.deploy.replay;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a replay did, printed as JSON on stdout for scripts.
 *
 * @param records records acknowledged by Kafka
 * @param skipped bad rows skipped (only with skip-bad-rows; every pass of a repeat counts)
 * @param seconds from the first send to the last acknowledgement
 */
@JsonPropertyOrder({"topic", "records", "skipped", "seconds", "records_per_second"})
public record ReplayResult(
        @JsonProperty("topic") String topic,
        @JsonProperty("records") long records,
        @JsonProperty("skipped") long skipped,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("records_per_second") double recordsPerSecond) {

    static ReplayResult of(String topic, long records, long skipped, long nanos) {
        double seconds = nanos / 1e9;
        double rate = seconds > 0 ? records / seconds : 0;
        return new ReplayResult(topic, records, skipped, Math.round(seconds * 1000) / 1000.0, Math.round(rate * 10)
                / 10.0);
    }
}
