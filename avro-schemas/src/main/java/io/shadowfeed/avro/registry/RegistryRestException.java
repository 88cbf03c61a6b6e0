package io.shadowfeed.avro.registry;

/**
 * An error the REST API reports to the client, in Confluent's shape:
 * {@code {"error_code": 40401, "message": "Subject 'x' not found."}} with HTTP status {@link #httpStatus()}.
 * Created by {@link RegistryErrors}.
 */
final class RegistryRestException extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    RegistryRestException(int httpStatus, int errorCode, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    int httpStatus() {
        return httpStatus;
    }

    int errorCode() {
        return errorCode;
    }
}
