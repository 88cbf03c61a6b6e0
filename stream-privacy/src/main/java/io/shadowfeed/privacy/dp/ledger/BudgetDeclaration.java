package io.shadowfeed.privacy.dp.ledger;

import java.time.Instant;

/**
 * The first record of a dataset's ledger: its budget, so that the file or topic says by itself what it may spend.
 * Written once; declaring a different budget later is refused ({@link BudgetMismatchException}).
 */
public record BudgetDeclaration(String dataset, PrivacyBudget budget, Instant timestamp, String principal)
        implements LedgerRecord {

    /** The id of every dataset's budget declaration. */
    public static final String ID = "budget";

    public BudgetDeclaration {
        LedgerPreconditions.checkName(dataset, "dataset");
        LedgerPreconditions.checkNotNull(budget, "budget");
        LedgerPreconditions.checkNotNull(timestamp, "timestamp");
        LedgerPreconditions.checkName(principal, "principal");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public long sequence() {
        return 0;
    }
}
