package io.shadowfeed.deploy.replay;

/** A replay that could not finish: Kafka refused records, or the registry refused the schema. */
public final class ReplayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
