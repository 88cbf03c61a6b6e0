package io.shadowfeed.privacy.dp.ledger;

/** A charge would take the dataset's composed spend over its budget; nothing was charged and nothing may be released. */
public final class BudgetExceededException extends LedgerException {

    private static final long serialVersionUID = 1L;

    private final String dataset;
    private final PrivacyBudget budget;
    private final EpsilonGuarantee spent;
    private final EpsilonGuarantee requested;
    private final EpsilonGuarantee wouldSpend;

    BudgetExceededException(String dataset, PrivacyBudget budget, EpsilonGuarantee spent, int entries,
            ChargeRequest request, EpsilonGuarantee requested, EpsilonGuarantee wouldSpend) {
        super("privacy budget of dataset '" + dataset + "' exceeded: the budget is " + budget + "; " + entries
                + " entries have spent epsilon " + spent.epsilon() + " (composed in RDP, best order "
                + spent.order() + "); this " + request.mechanism() + " for '" + request.purpose() + "' costs epsilon "
                + requested.epsilon() + " alone and would bring the total to " + wouldSpend.epsilon()
                + "; remaining epsilon " + remaining(budget, spent) + ". Nothing was charged");
        this.dataset = dataset;
        this.budget = budget;
        this.spent = spent;
        this.requested = requested;
        this.wouldSpend = wouldSpend;
    }

    private static double remaining(PrivacyBudget budget, EpsilonGuarantee spent) {
        return Math.max(0, budget.epsilon() - spent.epsilon());
    }

    public String dataset() {
        return dataset;
    }

    public PrivacyBudget budget() {
        return budget;
    }

    /** The composed spend before this request. */
    public EpsilonGuarantee spent() {
        return spent;
    }

    /** What the refused request costs alone. */
    public EpsilonGuarantee requested() {
        return requested;
    }

    /** The composed spend had the request been charged. */
    public EpsilonGuarantee wouldSpend() {
        return wouldSpend;
    }

    /** The budget's epsilon minus the composed spend (not what one more release may cost: see {@link PrivacyLedger}). */
    public double remaining() {
        return remaining(budget, spent);
    }
}
