package io.shadowfeed.job.model;

/** A model version could not be written to the models topic. */
public final class ModelPublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
