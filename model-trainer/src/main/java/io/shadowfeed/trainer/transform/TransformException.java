package io.shadowfeed.trainer.transform;

/** A table, value or saved state that the data transformer cannot work with; the message says what and where. */
public class TransformException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransformException(String message) {
        super(message);
    }

    public TransformException(String message, Throwable cause) {
        super(message, cause);
    }
}
