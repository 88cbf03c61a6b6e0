/**
 * The privacy budget ledger: one per dataset, append-only, fail closed.
 *
 * <p>A {@link io.shadowfeed.privacy.dp.ledger.PrivacyLedger} holds a dataset's
 * {@link io.shadowfeed.privacy.dp.ledger.PrivacyBudget} and every release charged to it as a
 * {@link io.shadowfeed.privacy.dp.ledger.LedgerEntry} (mechanism, parameters, RDP curve or zCDP rho, epsilon alone,
 * purpose, time, principal). The total is composed in Rényi DP and converted once, never by adding epsilons;
 * {@link io.shadowfeed.privacy.dp.ledger.PrivacyLedger#charge} refuses what would exceed the budget and grants nothing
 * that is not durably recorded.
 *
 * <p>Records persist through a {@link io.shadowfeed.privacy.dp.ledger.LedgerStore} (a JSON-lines file or the
 * compacted topic {@code synth.privacy-ledger}, in {@code store}) in the versioned
 * {@link io.shadowfeed.privacy.dp.ledger.LedgerRecordCodec} format. The budget is the ledger's first record, so a file
 * or topic says by itself what may be spent. {@link io.shadowfeed.privacy.dp.ledger.LedgerAudit} exports a ledger as
 * JSON lines plus a summary.
 */
package io.shadowfeed.privacy.dp.ledger;
