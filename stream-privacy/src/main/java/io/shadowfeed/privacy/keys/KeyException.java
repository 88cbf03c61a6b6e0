package io.shadowfeed.privacy.keys;

/**
 * A key could not be provided. Messages name key ids, files and environment variables, never key material, so they
 * are safe to log and to show to users.
 */
public class KeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyException(String message) {
        super(message);
    }

    public KeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
