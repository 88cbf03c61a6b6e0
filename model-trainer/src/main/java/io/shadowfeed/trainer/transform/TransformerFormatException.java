package io.shadowfeed.trainer.transform;

/** Saved transformer state that this build cannot read: not the expected JSON, or a format version it does not know. */
public final class TransformerFormatException extends TransformException {

    private static final long serialVersionUID = 1L;

    public TransformerFormatException(String message) {
        super(message);
    }

    public TransformerFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
