package io.shadowfeed.trainer.pipeline;

import io.shadowfeed.trainer.profile.TableProfile;
import io.shadowfeed.trainer.train.TrainingListener;

/** Follows a whole training run: its stages, the profile, then the epochs. */
public interface PipelineListener extends TrainingListener {
    /** A stage starts: "reading", "profiling", "fitting the transformer", "training", "evaluating", ... */
    default void onStage(String stage) {
    }

    default void onProfile(TableProfile profile) {
    }

    static PipelineListener silent() {
        return new PipelineListener() {
        };
    }
}
