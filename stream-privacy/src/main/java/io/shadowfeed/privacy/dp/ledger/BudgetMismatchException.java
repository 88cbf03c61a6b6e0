package io.shadowfeed.privacy.dp.ledger;

/** A budget was declared for a dataset whose ledger already holds a different one. */
public final class BudgetMismatchException extends LedgerException {

    private static final long serialVersionUID = 1L;

    BudgetMismatchException(String dataset, String store, BudgetDeclaration existing, PrivacyBudget declared) {
        super("the ledger of dataset '" + dataset + "' in " + store + " was created with budget " + existing.budget()
                + " (by " + existing.principal() + " at " + existing.timestamp() + "), not " + declared
                + "; a ledger's budget cannot change. Use the existing budget, or a new dataset name for a new budget");
    }
}
