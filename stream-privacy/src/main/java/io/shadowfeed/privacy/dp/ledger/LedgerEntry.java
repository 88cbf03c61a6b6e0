package io.shadowfeed.privacy.dp.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * One charge that the ledger accepted: it was durably written before {@link PrivacyLedger#charge} returned.
 *
 * @param id unique within the dataset (a random UUID)
 * @param dataset the dataset charged
 * @param sequence 1 for the first charge, then 2, 3, ...
 * @param mechanism the mechanism's name
 * @param parameters the mechanism's parameters
 * @param loss the release's RDP curve or zCDP rho: this is what composes
 * @param epsilon what this release alone costs at the dataset's delta (for reading; totals compose {@code loss})
 * @param purpose why
 * @param timestamp when it was charged
 * @param principal who asked
 */
public record LedgerEntry(String id, String dataset, long sequence, String mechanism, Map<String, Object> parameters,
        PrivacyLoss loss, EpsilonGuarantee epsilon, String purpose, Instant timestamp, String principal)
        implements LedgerRecord {

    public LedgerEntry {
        LedgerPreconditions.checkName(id, "id");
        LedgerPreconditions.checkArgument(!id.contains("/") && !id.equals(BudgetDeclaration.ID),
                "entry id must not contain '/' nor be '%s'. Provided value: %s", BudgetDeclaration.ID, id);
        LedgerPreconditions.checkName(dataset, "dataset");
        LedgerPreconditions.checkArgument(sequence >= 1, "entry sequence must be >= 1. Provided value: %s",
                sequence);
        LedgerPreconditions.checkName(mechanism, "mechanism");
        parameters = LedgerParameters.copyOf(parameters);
        LedgerPreconditions.checkNotNull(loss, "loss");
        LedgerPreconditions.checkNotNull(epsilon, "epsilon");
        LedgerPreconditions.checkName(purpose, "purpose");
        LedgerPreconditions.checkNotNull(timestamp, "timestamp");
        LedgerPreconditions.checkName(principal, "principal");
    }
}
