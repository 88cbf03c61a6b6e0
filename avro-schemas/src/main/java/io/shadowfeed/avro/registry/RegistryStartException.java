package io.shadowfeed.avro.registry;

/** The schema registry could not start; the message is one line that says why. */
public class RegistryStartException extends RuntimeException {

    public RegistryStartException(String message) {
        super(message);
    }

    public RegistryStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
