package io.shadowfeed.deploy.replay;

/** A CSV file that cannot be read as the table at all (unreadable, no header, a required column missing). */
public final class CsvFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CsvFormatException(String message) {
        super(message);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
