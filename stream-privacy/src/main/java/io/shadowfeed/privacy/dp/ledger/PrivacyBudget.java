package io.shadowfeed.privacy.dp.ledger;

/**
 * The (epsilon, delta) a dataset may spend in total, over every release ever made from it.
 *
 * @param epsilon positive and finite
 * @param delta in (0, 1): every charge's epsilon is stated at this delta
 */
public record PrivacyBudget(double epsilon, double delta) {

    public PrivacyBudget {
        LedgerPreconditions.checkEpsilon(epsilon, "budget epsilon");
        LedgerPreconditions.checkDelta(delta, "budget delta");
    }

    @Override
    public String toString() {
        return "epsilon " + epsilon + " at delta " + delta;
    }
}
