package io.shadowfeed.privacy.dp.ledger;

/**
 * Where a dataset's ledger stands.
 *
 * @param dataset the dataset
 * @param budget its budget
 * @param entries how many charges it holds
 * @param spent the composed spend of all of them: RDP curves added per order, then converted at the budget's delta
 * @param remainingEpsilon the budget's epsilon minus {@code spent}'s, at least 0. Not the epsilon one more release
 *     may cost alone: composition is not additive, so a release often fits that costs more than this alone
 */
public record LedgerSummary(String dataset, PrivacyBudget budget, int entries, EpsilonGuarantee spent,
        double remainingEpsilon) {

    public LedgerSummary {
        LedgerPreconditions.checkName(dataset, "dataset");
        LedgerPreconditions.checkNotNull(budget, "budget");
        LedgerPreconditions.checkArgument(entries >= 0, "entries must be >= 0. Provided value: %s", entries);
        LedgerPreconditions.checkNotNull(spent, "spent");
        LedgerPreconditions.checkArgument(remainingEpsilon >= 0,
                "remaining epsilon must be >= 0. Provided value: %s", remainingEpsilon);
    }
}
