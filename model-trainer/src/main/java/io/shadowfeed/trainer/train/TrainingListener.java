package io.shadowfeed.trainer.train;

import java.nio.file.Path;

/** Follows a training run: the command line draws a progress bar from it, tests record it. */
public interface TrainingListener {
    /** Training starts at {@code firstEpoch} (1-based; above 1 when resumed) of {@code totalEpochs}. */
    default void onStart(int firstEpoch, int totalEpochs, int stepsPerEpoch) {
    }

    default void onEpoch(EpochReport report) {
    }

    default void onCheckpoint(int epoch, Path directory) {
    }

    default void onFinish() {
    }

    /** A listener that does nothing. */
    static TrainingListener silent() {
        return new TrainingListener() {
        };
    }
}
