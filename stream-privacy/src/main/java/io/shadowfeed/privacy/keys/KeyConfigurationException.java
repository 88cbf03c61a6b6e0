package io.shadowfeed.privacy.keys;

/**
 * The key source is missing, unreadable, malformed or insecure. The message says which file or variable and what to
 * change; it never quotes the content, because the content is secret.
 */
public final class KeyConfigurationException extends KeyException {

    private static final long serialVersionUID = 1L;

    public KeyConfigurationException(String message) {
        super(message);
    }

    public KeyConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
