package io.shadowfeed.trainer.train;

/** A loss became NaN or infinite: training stops instead of writing a broken model. */
public final class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
