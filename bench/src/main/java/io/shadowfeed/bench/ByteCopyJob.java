package io.shadowfeed.bench;

import io.shadowfeed.job.serde.RawRecord;
import io.shadowfeed.job.sink.ExactlyOnceSinks;
import io.shadowfeed.job.source.RawSources;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/**
 * The baseline (a): the same Kafka source and exactly-once sink factories as the Shadowfeed job, with nothing in
 * between, so the difference between the two runs is the job's own work (decode, validate, event time, policies,
 * encode, dead-letter routing).
 */
final class ByteCopyJob {

    private ByteCopyJob() {}

    /**
     * @param name unique per run: the consumer group and the transactional id prefix are derived from it
     */
    static void addTo(StreamExecutionEnvironment env, String bootstrapServers, String inputTopic, String outputTopic,
                      String name, Duration checkpointInterval, int parallelism) {
        env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        env.setParallelism(parallelism);
        env.fromSource(RawSources.of(bootstrapServers, inputTopic, name, true), WatermarkStrategy.noWatermarks(),
                        "Kafka " + inputTopic)
                .uid("source")
                .sinkTo(ExactlyOnceSinks.of(bootstrapServers, name, new RawRecordCopySchema(outputTopic)))
                .uid("sink")
                .name("Kafka " + outputTopic);
    }
}
