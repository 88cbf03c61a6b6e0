package io.shadowfeed.privacy.dp.ledger;

/**
 * The ledger refused or could not do something. Messages name datasets, files and topics and are written for the
 * user; they never hold data values.
 */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
