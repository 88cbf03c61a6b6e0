package io.shadowfeed.privacy.dp.ledger;

/**
 * A ledger's file or topic holds something that is not a valid ledger: an unreadable record, a gap in the
 * sequence, a record of another dataset. The ledger refuses to open rather than count a partial spend.
 */
public final class LedgerCorruptedException extends LedgerException {

    private static final long serialVersionUID = 1L;

    public LedgerCorruptedException(String message) {
        super(message);
    }

    public LedgerCorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
