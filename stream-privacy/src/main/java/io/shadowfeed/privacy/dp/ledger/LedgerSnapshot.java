package io.shadowfeed.privacy.dp.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A consistent view of a ledger at one moment: its budget declaration, its entries in sequence order, and their
 * summary.
 */
public record LedgerSnapshot(BudgetDeclaration declaration, List<LedgerEntry> entries, LedgerSummary summary) {

    public LedgerSnapshot {
        LedgerPreconditions.checkNotNull(declaration, "declaration");
        entries = List.copyOf(LedgerPreconditions.checkNotNull(entries, "entries"));
        LedgerPreconditions.checkNotNull(summary, "summary");
    }

    /** The declaration, then the entries: every record of the ledger in sequence order. */
    public List<LedgerRecord> records() {
        List<LedgerRecord> records = new ArrayList<>(entries.size() + 1);
        records.add(declaration);
        records.addAll(entries);
        return records;
    }
}
