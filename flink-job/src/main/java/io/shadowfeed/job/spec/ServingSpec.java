package io.shadowfeed.job.spec;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How generators are served and where keyed state lives.
 *
 * @param modelsTopic the compacted topic of model versions the job follows
 * @param modelStore the artifact store that {@code model: latest} and {@code v<N>} resolve in; null when unset
 * @param batchSize rows per generator call: a micro-batch is flushed when it holds this many rows
 * @param flushInterval ... or when its oldest row has waited this long
 * @param inferenceThreads PyTorch intra-op threads per task manager
 * @param stateBackend {@code hashmap} (on the heap) or {@code rocksdb} (on local disk, for key spaces larger
 *     than memory)
 * @param stateTtl how long parent mappings and stable attributes are kept after their last write; null: forever
 * @param checkpointDirectory where checkpoints go (a URI such as {@code file:///var/shadowfeed/checkpoints});
 *     null: the Flink configuration decides
 */
public record ServingSpec(String modelsTopic, String modelStore, int batchSize, Duration flushInterval,
        int inferenceThreads, String stateBackend, Duration stateTtl, String checkpointDirectory)
        implements Serializable {

    public static final String HASHMAP = "hashmap";
    public static final String ROCKSDB = "rocksdb";

    public ServingSpec {
        Objects.requireNonNull(modelsTopic, "modelsTopic");
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(stateBackend, "stateBackend");
        if (batchSize < 1) {
            throw new IllegalArgumentException("models.batch-size must be >= 1. Provided value: " + batchSize);
        }
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("models.flush-interval must be positive. Provided value: "
                    + flushInterval);
        }
        if (inferenceThreads < 1) {
            throw new IllegalArgumentException("models.threads must be >= 1. Provided value: " + inferenceThreads);
        }
        if (!stateBackend.equals(HASHMAP) && !stateBackend.equals(ROCKSDB)) {
            throw new IllegalArgumentException("state.backend must be hashmap or rocksdb. Provided value: "
                    + stateBackend);
        }
        if (stateTtl != null && (stateTtl.isNegative() || stateTtl.isZero())) {
            throw new IllegalArgumentException("state.ttl must be positive. Provided value: " + stateTtl);
        }
    }

    public static ServingSpec defaults() {
        return new ServingSpec("synth.models", null, 256, Duration.ofMillis(20), 1, HASHMAP, null, null);
    }

    public ServingSpec withModelStore(String store) {
        return new ServingSpec(modelsTopic, store, batchSize, flushInterval, inferenceThreads, stateBackend, stateTtl,
                checkpointDirectory);
    }
}
