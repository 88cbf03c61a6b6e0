package io.shadowfeed.job;

/** Topics could not be listed or created: Kafka is unreachable or refused. The message is one actionable line. */
public final class TopicProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
