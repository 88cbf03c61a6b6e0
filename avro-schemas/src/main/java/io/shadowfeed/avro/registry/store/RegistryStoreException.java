package io.shadowfeed.avro.registry.store;

/** The schema store could not be reached, read or written. The message says which store and what failed. */
public class RegistryStoreException extends RuntimeException {

    public RegistryStoreException(String message) {
        super(message);
    }

    public RegistryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
