package io.shadowfeed.avro.confluent;

import java.util.Objects;

/**
 * A value that cannot be decoded. The message names schema ids, fields and types only, never a value, so it may be
 * logged and written to a dead-letter header.
 */
public final class DecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DecodeFailure failure;

    public DecodeException(DecodeFailure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public DecodeException(DecodeFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public DecodeFailure failure() {
        return failure;
    }
}
