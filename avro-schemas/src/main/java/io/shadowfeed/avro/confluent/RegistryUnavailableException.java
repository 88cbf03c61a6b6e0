package io.shadowfeed.avro.confluent;

/**
 * The schema registry could not be reached or answered with a server error. Unlike a {@link DecodeException} this is
 * not the record's fault: the caller should fail (and let Flink restart) rather than dead-letter the record.
 */
public final class RegistryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
