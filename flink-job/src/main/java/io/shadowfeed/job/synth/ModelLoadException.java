package io.shadowfeed.job.synth;

/** A model version cannot be served: its artifact is missing, corrupt, failed its gate, or does not fit the table. */
public final class ModelLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
