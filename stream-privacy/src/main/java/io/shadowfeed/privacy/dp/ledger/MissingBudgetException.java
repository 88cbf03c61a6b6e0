package io.shadowfeed.privacy.dp.ledger;

/** A ledger was opened for a dataset that has none yet, and no budget was given to create it with. */
public final class MissingBudgetException extends LedgerException {

    private static final long serialVersionUID = 1L;

    MissingBudgetException(String message) {
        super(message);
    }
}
