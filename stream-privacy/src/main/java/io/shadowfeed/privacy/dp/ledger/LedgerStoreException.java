package io.shadowfeed.privacy.dp.ledger;

/**
 * A ledger's store could not be read or written: a charge that meets this exception was not granted, and the ledger
 * accepts no further charge until it is opened again.
 */
public final class LedgerStoreException extends LedgerException {

    private static final long serialVersionUID = 1L;

    public LedgerStoreException(String message) {
        super(message);
    }

    public LedgerStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
