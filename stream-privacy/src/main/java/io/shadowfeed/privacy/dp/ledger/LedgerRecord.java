package io.shadowfeed.privacy.dp.ledger;

import java.time.Instant;

/**
 * One persisted record of a dataset's ledger: the budget declaration (sequence 0, written once when the ledger is
 * created) or a charge (sequence 1, 2, ...). Records are never changed or removed.
 */
public sealed interface LedgerRecord permits BudgetDeclaration, LedgerEntry {

    /** The dataset whose ledger this record belongs to. */
    String dataset();

    /** Unique within the dataset: together with the dataset it is the record's key. */
    String id();

    /** 0 for the budget declaration, then 1, 2, ... with no gaps, so a removed record is noticed. */
    long sequence();

    Instant timestamp();

    /** Who declared the budget or asked for the charge. */
    String principal();
}
