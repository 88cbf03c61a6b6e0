package io.shadowfeed.deploy.local;

/** The local Kafka broker could not be formatted, launched or reached; the message ends with its log's tail. */
public final class BrokerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerStartException(String message) {
        super(message);
    }

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
