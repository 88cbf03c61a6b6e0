package io.shadowfeed.trainer.evaluate.gate;

/** A gate threshold file is unreadable or malformed; the message names the file, the key and what is expected. */
public final class GateConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GateConfigException(String message) {
        super(message);
    }

    public GateConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
