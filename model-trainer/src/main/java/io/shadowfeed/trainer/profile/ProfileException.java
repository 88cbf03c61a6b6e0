package io.shadowfeed.trainer.profile;

/**
 * A table that cannot be profiled or typed as it is: the message names the column and row (1-based, header
 * excluded) and says what to change, never quoting a cell's value.
 */
public class ProfileException extends RuntimeException {

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
