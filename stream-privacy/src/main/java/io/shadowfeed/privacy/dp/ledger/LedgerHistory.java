package io.shadowfeed.privacy.dp.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The records a store returned, checked to form one dataset's ledger: its budget declaration at sequence 0 and its
 * entries at 1..n with no gap, no duplicate, and no record of another dataset.
 */
record LedgerHistory(BudgetDeclaration declaration, List<LedgerEntry> entries) {

    static LedgerHistory of(String dataset, List<LedgerRecord> records, String store) {
        List<LedgerRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingLong(LedgerRecord::sequence));
        BudgetDeclaration declaration = null;
        List<LedgerEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (LedgerRecord record : sorted) {
            if (!record.dataset().equals(dataset)) {
                throw corrupted(dataset, store, "it holds record '" + record.id() + "' of dataset '" + record.dataset()
                        + "'; is this the ledger of another dataset?");
            }
            if (!ids.add(record.id())) {
                throw corrupted(dataset, store, "record id '" + record.id() + "' appears twice");
            }
            if (record instanceof BudgetDeclaration budget) {
                if (declaration != null) {
                    throw corrupted(dataset, store, "it declares a budget twice (" + declaration.budget() + ", "
                            + budget.budget() + ")");
                }
                declaration = budget;
            } else {
                LedgerEntry entry = (LedgerEntry) record;
                long expected = entries.size() + 1;
                if (entry.sequence() != expected) {
                    throw corrupted(dataset, store, entry.sequence() < expected
                            ? "entry sequence " + entry.sequence() + " appears twice"
                            : "entries " + expected + " to " + (entry.sequence() - 1) + " are missing");
                }
                entries.add(entry);
            }
        }
        if (declaration == null && !entries.isEmpty()) {
            throw corrupted(dataset, store, "it holds " + entries.size() + " entries but no budget declaration");
        }
        for (LedgerEntry entry : entries) {
            if (entry.epsilon().delta() != declaration.budget().delta()) {
                throw corrupted(dataset, store, "entry " + entry.sequence() + " states its epsilon at delta "
                        + entry.epsilon().delta() + ", not at the budget's delta " + declaration.budget().delta());
            }
        }
        return new LedgerHistory(declaration, List.copyOf(entries));
    }

    private static LedgerCorruptedException corrupted(String dataset, String store, String reason) {
        return new LedgerCorruptedException("the ledger of dataset '" + dataset + "' in " + store
                + " is not consistent: " + reason + ". Nothing was changed; restore it from a backup or an audit "
                + "export before charging again");
    }
}
