package io.shadowfeed.job.spec;

/** A pipeline spec that cannot be used. The message names the file, and the table and field where it applies. */
public final class SpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
