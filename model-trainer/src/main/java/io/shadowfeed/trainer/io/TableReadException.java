package io.shadowfeed.trainer.io;

/** A table file that cannot be read as a table: the message names the file and what to fix, never a cell's value. */
public class TableReadException extends RuntimeException {

    public TableReadException(String message) {
        super(message);
    }

    public TableReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
