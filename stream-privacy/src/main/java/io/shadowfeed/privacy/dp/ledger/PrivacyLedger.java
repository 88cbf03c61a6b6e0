package io.shadowfeed.privacy.dp.ledger;

import io.shadowfeed.privacy.dp.accounting.RdpAccountant;
import io.shadowfeed.privacy.dp.accounting.RdpConversion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One dataset's privacy budget and every release charged against it, fail closed.
 *
 * <p>The spend is composed in Rényi DP: each entry's loss becomes an RDP curve on {@link #ORDERS} (a zCDP rho as
 * rho * alpha), the curves add per order, and the sum converts to epsilon at the budget's delta by the
 * {@link #CONVERSION tight conversion} at the best order. Epsilons are never added.
 *
 * <p>{@link #charge} grants a release only if the composed spend including it stays within the budget, and only once
 * its entry is durably in the store; otherwise it throws and nothing may be released. A failed write stops the
 * ledger (every later charge throws {@link LedgerStoreException}) because the store may or may not hold the entry;
 * opening the ledger again rebuilds it from what the store really holds. Thread-safe: charges are serialized, so
 * concurrent callers never overspend together.
 *
 * <pre>{@code
 * try (PrivacyLedger ledger = PrivacyLedger.builder()
 *         .setStore(FileLedgerStore.writable(path))
 *         .setDataset("adult")
 *         .optBudget(new PrivacyBudget(3, 1e-5))
 *         .build()) {
 *     ledger.charge(ChargeRequest.subsampledGaussian(q, sigma, steps)
 *             .setPurpose("train adult v3").setPrincipal("trainer").build());
 *     // ... only now train and release
 * }
 * }</pre>
 */
public final class PrivacyLedger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyLedger.class);

    /** The RDP orders every spend is composed on. */
    public static final List<Double> ORDERS = RdpAccountant.DEFAULT_ORDERS;

    /** How the composed RDP converts to epsilon: the tight one, never larger than the classic one. */
    public static final RdpConversion CONVERSION = RdpConversion.TIGHT;

    private final LedgerStore store;
    private final String dataset;
    private final BudgetDeclaration declaration;
    private final Clock clock;

    // guarded by this
    private final List<LedgerEntry> entries;
    private final double[] spentRdp;
    private String stoppedBecause;
    private boolean closed;

    private PrivacyLedger(LedgerStore store, BudgetDeclaration declaration, List<LedgerEntry> entries, Clock clock) {
        this.store = store;
        this.dataset = declaration.dataset();
        this.declaration = declaration;
        this.clock = clock;
        this.entries = new ArrayList<>(entries);
        this.spentRdp = new double[ORDERS.size()];
        for (LedgerEntry entry : entries) {
            add(spentRdp, entry.loss().toRdp(ORDERS));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String dataset() {
        return dataset;
    }

    public PrivacyBudget budget() {
        return declaration.budget();
    }

    /**
     * Charges a release to this dataset: returns its entry once it is durably written, or throws
     * {@link BudgetExceededException} (the composed spend would exceed the budget) or {@link LedgerStoreException}
     * (the store could not confirm the write). In both cases the release must not happen.
     */
    public LedgerEntry charge(ChargeRequest request) {
        LedgerPreconditions.checkNotNull(request, "request");
        double[] cost = request.loss().toRdp(ORDERS);
        EpsilonGuarantee alone = epsilonOf(cost);
        synchronized (this) {
            checkOpen();
            double[] total = spentRdp.clone();
            add(total, cost);
            EpsilonGuarantee after = epsilonOf(total);
            if (!(after.epsilon() <= budget().epsilon())) {
                throw new BudgetExceededException(dataset, budget(), epsilonOf(spentRdp), entries.size(), request,
                        alone, after);
            }
            LedgerEntry entry = new LedgerEntry(UUID.randomUUID().toString(), dataset, entries.size() + 1L,
                    request.mechanism(), request.parameters(), request.loss(), alone, request.purpose(),
                    clock.instant(), request.principal());
            write(entry);
            entries.add(entry);
            System.arraycopy(total, 0, spentRdp, 0, total.length);
            LOG.info("Charged {} for '{}' by {} to dataset '{}': epsilon {} alone, {} composed over {} entries, "
                    + "budget {}", entry.mechanism(), entry.purpose(), entry.principal(), dataset, alone.epsilon(),
                    after.epsilon(), entries.size(), budget().epsilon());
            return entry;
        }
    }

    /** Whether charging this loss now would be refused for the budget (a dry run: nothing is written). */
    public boolean wouldExceed(PrivacyLoss loss) {
        return !(spentWith(loss).epsilon() <= budget().epsilon());
    }

    /** The composed spend if this loss were charged now (a dry run: nothing is written). */
    public synchronized EpsilonGuarantee spentWith(PrivacyLoss loss) {
        LedgerPreconditions.checkNotNull(loss, "loss");
        double[] total = spentRdp.clone();
        add(total, loss.toRdp(ORDERS));
        return epsilonOf(total);
    }

    /** The composed spend of every entry so far. */
    public synchronized EpsilonGuarantee spent() {
        return epsilonOf(spentRdp);
    }

    /** The budget's epsilon minus the composed spend, at least 0. See {@link LedgerSummary#remainingEpsilon}. */
    public synchronized double remainingEpsilon() {
        return remaining(spent());
    }

    /** The composed RDP of every entry so far, per order of {@link #ORDERS}. */
    public synchronized double[] spentRdp() {
        return spentRdp.clone();
    }

    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized LedgerSummary summary() {
        EpsilonGuarantee spent = spent();
        return new LedgerSummary(dataset, budget(), entries.size(), spent, remaining(spent));
    }

    /** The declaration, the entries and their summary, all from the same moment. */
    public synchronized LedgerSnapshot snapshot() {
        return new LedgerSnapshot(declaration, entries, summary());
    }

    /** Where the records are kept. */
    public String storeDescription() {
        return store.describe();
    }

    /** Closes the store; later charges throw. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            store.close();
        }
    }

    private void write(LedgerEntry entry) {
        try {
            store.append(entry);
        } catch (RuntimeException | Error e) {
            stoppedBecause = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.error("The privacy ledger of dataset '{}' could not write entry {} to {}; it accepts no more "
                    + "charges until it is opened again", dataset, entry.sequence(), store.describe(), e);
            if (e instanceof Error error) {
                throw error;
            }
            throw new LedgerStoreException("could not record the charge for '" + entry.purpose() + "' in the ledger "
                    + "of dataset '" + dataset + "' (" + store.describe() + "): " + e.getMessage() + ". The charge "
                    + "was not granted; nothing may be released", e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the ledger of dataset '" + dataset + "' is closed");
        }
        if (!store.writable()) {
            throw new LedgerStoreException("the ledger of dataset '" + dataset + "' was opened from "
                    + store.describe() + " to read only; it charges nothing");
        }
        if (stoppedBecause != null) {
            throw new LedgerStoreException("the ledger of dataset '" + dataset + "' stopped after a failed write to "
                    + store.describe() + " (" + stoppedBecause + "); open it again to rebuild it from what the store "
                    + "holds");
        }
    }

    private double remaining(EpsilonGuarantee spent) {
        return Math.max(0, budget().epsilon() - spent.epsilon());
    }

    private EpsilonGuarantee epsilonOf(double[] rdp) {
        return EpsilonGuarantee.of(ORDERS, rdp, budget().delta(), CONVERSION);
    }

    private static void add(double[] total, double[] rdp) {
        for (int i = 0; i < total.length; i++) {
            total[i] += rdp[i];
        }
    }

    /**
     * Opens a dataset's ledger from its store: {@code setX} for required settings, {@code optX} for optional ones.
     * The first ledger of a dataset needs a budget, which is then written as its first record; later ones may
     * leave it out, or must give the same.
     */
    public static final class Builder {
        private LedgerStore store;
        private String dataset;
        private PrivacyBudget budget;
        private String principal = System.getProperty("user.name", "unknown");
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Where the records are; the ledger closes it. Required. */
        public Builder setStore(LedgerStore store) {
            this.store = LedgerPreconditions.checkNotNull(store, "store");
            return this;
        }

        /** The dataset whose releases are charged. Required. */
        public Builder setDataset(String dataset) {
            this.dataset = LedgerPreconditions.checkName(dataset, "dataset");
            return this;
        }

        /**
         * The dataset's budget: declared (written) if the dataset has no ledger yet, else checked against the one it
         * was created with ({@link BudgetMismatchException} if it differs). Optional for an existing ledger.
         */
        public Builder optBudget(PrivacyBudget budget) {
            this.budget = LedgerPreconditions.checkNotNull(budget, "budget");
            return this;
        }

        /** Who declares the budget, if this ledger is created; default the {@code user.name} of this JVM. */
        public Builder optPrincipal(String principal) {
            this.principal = LedgerPreconditions.checkName(principal, "principal");
            return this;
        }

        /** The clock that stamps records; default UTC system time. */
        public Builder optClock(Clock clock) {
            this.clock = LedgerPreconditions.checkNotNull(clock, "clock");
            return this;
        }

        /** Opens the store, rebuilds the ledger from it, and declares the budget if the dataset has none yet. */
        public PrivacyLedger build() {
            if (store == null) {
                throw new IllegalStateException("store must be set (setStore)");
            }
            if (dataset == null) {
                throw new IllegalStateException("dataset must be set (setDataset)");
            }
            try {
                return open();
            } catch (RuntimeException | Error e) {
                store.close();
                throw e;
            }
        }

        private PrivacyLedger open() {
            LedgerHistory history = LedgerHistory.of(dataset, store.open(dataset), store.describe());
            BudgetDeclaration declaration = history.declaration();
            if (declaration == null) {
                declaration = declare();
            } else if (budget != null && !budget.equals(declaration.budget())) {
                throw new BudgetMismatchException(dataset, store.describe(), declaration, budget);
            }
            PrivacyLedger ledger = new PrivacyLedger(store, declaration, history.entries(), clock);
            LOG.info("Opened the privacy ledger of dataset '{}' from {}: {} entries, spent {} of budget {}",
                    dataset, store.describe(), history.entries().size(), ledger.spent(), declaration.budget());
            return ledger;
        }

        private BudgetDeclaration declare() {
            if (budget == null) {
                throw new MissingBudgetException("dataset '" + dataset + "' has no privacy ledger in "
                        + store.describe() + " yet; create it by declaring its budget (epsilon and delta), e.g. "
                        + "with shadowfeed privacy ledger --budget-epsilon E --delta D");
            }
            if (!store.writable()) {
                throw new MissingBudgetException("dataset '" + dataset + "' has no privacy ledger in "
                        + store.describe() + " yet, and the store was opened to read only, so its budget was not "
                        + "declared");
            }
            BudgetDeclaration declaration = new BudgetDeclaration(dataset, budget, clock.instant(), principal);
            store.append(declaration);
            LOG.info("Created the privacy ledger of dataset '{}' in {} with budget {}", dataset, store.describe(),
                    budget);
            return declaration;
        }
    }
}
