package io.shadowfeed.deploy.kafka;

/** Kafka could not be reached, or refused an admin request; the message names the bootstrap servers. */
public final class KafkaUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
