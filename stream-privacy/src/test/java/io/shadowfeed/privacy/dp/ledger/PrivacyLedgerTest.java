package io.shadowfeed.privacy.dp.ledger;

import io.shadowfeed.privacy.dp.accounting.RdpAccountant;
import io.shadowfeed.privacy.dp.accounting.RdpConversion;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PrivacyLedgerTest {

    private static final double DELTA = 1e-5;

    /** The ledger of "adult" in this store, declaring or checking the budget unless it is null. */
    private static PrivacyLedger open(InMemoryLedgerStore store, PrivacyBudget budget) {
        PrivacyLedger.Builder builder = PrivacyLedger.builder().setStore(store).setDataset("adult").optPrincipal("ops");
        if (budget != null) {
            builder.optBudget(budget);
        }
        return builder.build();
    }

    private static ChargeRequest gaussian(double sigma) {
        return ChargeRequest.gaussian(sigma, 1).setPurpose("histogram").setPrincipal("drift-monitor").build();
    }

    /** The epsilon of n Gaussian releases at this noise, from the accountant (q = 1 is the plain Gaussian). */
    private static double accountantEpsilon(double sigma, long n) {
        return RdpAccountant.withDefaultOrders().composeSubsampledGaussian(1.0, sigma, n)
                .epsilon(DELTA, RdpConversion.TIGHT).epsilon();
    }

    @Test
    void aHundredGaussianChargesComposeInRdpNotByAddingEpsilons() {
        PrivacyLedger ledger = open(new InMemoryLedgerStore(), new PrivacyBudget(1000, DELTA));
        double alone = 0;
        for (int i = 0; i < 100; i++) {
            alone = ledger.charge(gaussian(10)).epsilon().epsilon();
        }
        EpsilonGuarantee spent = ledger.spent();
        RdpAccountant.EpsilonResult expected = RdpAccountant.withDefaultOrders()
                .composeSubsampledGaussian(1.0, 10, 100).epsilon(DELTA, RdpConversion.TIGHT);

        assertThat(spent.epsilon()).isCloseTo(expected.epsilon(), within(1e-9));
        assertThat(spent.order()).isEqualTo(expected.order());
        assertThat(spent.conversion()).isEqualTo(RdpConversion.TIGHT);
        assertThat(spent.delta()).isEqualTo(DELTA);
        // one release costs 0.375 alone; a hundred compose to 4.73, an eighth of the 37.5 that adding would say
        assertThat(spent.epsilon()).isLessThan(100 * alone / 5);
        assertThat(alone).isCloseTo(accountantEpsilon(10, 1), within(1e-12));
    }

    @Test
    void subsampledGaussianChargesEqualTheAccountantsComposition() {
        PrivacyLedger ledger = open(new InMemoryLedgerStore(), new PrivacyBudget(1000, DELTA));
        for (int i = 0; i < 100; i++) {
            ledger.charge(ChargeRequest.subsampledGaussian(0.01, 1.1, 600).setPurpose("epoch " + i)
                    .setPrincipal("trainer").build());
        }
        RdpAccountant.EpsilonResult expected = RdpAccountant.withDefaultOrders()
                .composeSubsampledGaussian(0.01, 1.1, 60_000).epsilon(DELTA, RdpConversion.TIGHT);
        assertThat(ledger.spent().epsilon()).isCloseTo(expected.epsilon(), within(1e-9));
        assertThat(ledger.spent().order()).isEqualTo(expected.order());
        double[] perOrder = RdpAccountant.withDefaultOrders().composeSubsampledGaussian(0.01, 1.1, 60_000).rdp();
        double[] composed = ledger.spentRdp();
        for (int i = 0; i < perOrder.length; i++) {
            assertThat(composed[i]).isCloseTo(perOrder[i], within(1e-9 * Math.max(1, perOrder[i])));
        }
    }

    @Test
    void zcdpAndRdpEntriesComposeOnOneCurve() {
        PrivacyLedger ledger = open(new InMemoryLedgerStore(), new PrivacyBudget(100, DELTA));
        ledger.charge(ChargeRequest.gaussian(4, 3).setPurpose("counts").setPrincipal("job").build());
        ledger.charge(ChargeRequest.subsampledGaussian(0.02, 1.5, 1000).setPurpose("train").setPrincipal("trainer")
                .build());
        ledger.charge(ChargeRequest.builder().setMechanism("discrete_gaussian").optParameter("sigma", 3.0)
                .optParameter("sensitivity", 1).setLoss(new PrivacyLoss.Zcdp(1 / 18.0)).setPurpose("histogram")
                .setPrincipal("job").build());

        double[] subsampled = RdpAccountant.withDefaultOrders().composeSubsampledGaussian(0.02, 1.5, 1000).rdp();
        double rho = 3 / 32.0 + 1 / 18.0;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < subsampled.length; i++) {
            double order = RdpAccountant.DEFAULT_ORDERS.get(i);
            best = Math.min(best, RdpConversion.TIGHT.epsilon(subsampled[i] + rho * order, order, DELTA));
        }
        assertThat(ledger.spent().epsilon()).isCloseTo(best, within(1e-12));
    }

    @Test
    void aChargeOverTheBudgetIsRefusedAndNotRecorded() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        double budget = (accountantEpsilon(5, 3) + accountantEpsilon(5, 4)) / 2;
        PrivacyLedger ledger = open(store, new PrivacyBudget(budget, DELTA));
        for (int i = 0; i < 3; i++) {
            ledger.charge(gaussian(5));
        }
        EpsilonGuarantee before = ledger.spent();
        int writes = store.appendCalls();
        assertThat(ledger.wouldExceed(gaussian(5).loss())).isTrue();
        assertThat(ledger.wouldExceed(gaussian(50).loss())).isFalse();

        assertThatThrownBy(() -> ledger.charge(gaussian(5)))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.dataset()).isEqualTo("adult");
                    assertThat(e.budget().epsilon()).isEqualTo(budget);
                    assertThat(e.spent()).isEqualTo(before);
                    assertThat(e.requested().epsilon()).isCloseTo(accountantEpsilon(5, 1), within(1e-12));
                    assertThat(e.wouldSpend().epsilon()).isCloseTo(accountantEpsilon(5, 4), within(1e-9));
                    assertThat(e.remaining()).isCloseTo(budget - before.epsilon(), within(1e-12));
                    assertThat(e.getMessage()).contains("dataset 'adult'", "gaussian for 'histogram'",
                            "Nothing was charged");
                });

        assertThat(ledger.entries()).hasSize(3);
        assertThat(ledger.spent()).isEqualTo(before);
        assertThat(store.appendCalls()).isEqualTo(writes);
        assertThat(store.records()).hasSize(4);
        // a cheaper release still fits: the refusal did not stop the ledger
        ledger.charge(gaussian(50));
        assertThat(ledger.entries()).hasSize(4);
    }

    @Test
    void theBudgetIsExactlyUsableButNotOnePastIt() {
        double budget = accountantEpsilon(5, 2);
        PrivacyLedger ledger = open(new InMemoryLedgerStore(), new PrivacyBudget(budget * (1 + 1e-12), DELTA));
        ledger.charge(gaussian(5));
        ledger.charge(gaussian(5));
        assertThatThrownBy(() -> ledger.charge(gaussian(5))).isInstanceOf(BudgetExceededException.class);
        assertThat(ledger.remainingEpsilon()).isLessThan(1e-9);
    }

    @Test
    void concurrentChargesNeverOverspend() throws Exception {
        int fit = 20;
        double budget = (accountantEpsilon(10, fit) + accountantEpsilon(10, fit + 1)) / 2;
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        PrivacyLedger ledger = open(store, new PrivacyBudget(budget, DELTA));
        int threads = 8;
        int attemptsEach = 10;
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < attemptsEach; i++) {
                        try {
                            ledger.charge(gaussian(10));
                            granted.incrementAndGet();
                        } catch (BudgetExceededException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(granted.get()).isEqualTo(fit);
        assertThat(refused.get()).isEqualTo(threads * attemptsEach - fit);
        assertThat(ledger.spent().epsilon()).isLessThanOrEqualTo(budget);
        assertThat(ledger.entries()).extracting(LedgerEntry::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, fit).boxed().toList());
        assertThat(store.records()).hasSize(fit + 1);
        assertThat(open(store.reopened(), null).spent()).isEqualTo(ledger.spent());
    }

    @Test
    void aFailedWriteGrantsNothingAndStopsTheLedger() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        PrivacyLedger ledger = open(store, new PrivacyBudget(10, DELTA));
        ledger.charge(gaussian(10));
        EpsilonGuarantee before = ledger.spent();

        store.failWrites(true);
        assertThatThrownBy(() -> ledger.charge(gaussian(10)))
                .isInstanceOf(LedgerStoreException.class)
                .hasMessageContaining("disk full")
                .hasMessageContaining("was not granted");
        assertThat(ledger.entries()).hasSize(1);
        assertThat(ledger.spent()).isEqualTo(before);

        // the store may have kept the entry or not: the ledger refuses everything until it is rebuilt
        store.failWrites(false);
        assertThatThrownBy(() -> ledger.charge(gaussian(10)))
                .isInstanceOf(LedgerStoreException.class)
                .hasMessageContaining("open it again");
        assertThat(store.records()).hasSize(2);

        PrivacyLedger reopened = open(store.reopened(), null);
        reopened.charge(gaussian(10));
        assertThat(reopened.entries()).hasSize(2);
    }

    @Test
    void theBudgetIsDeclaredOnceAndCannotChange() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        assertThatThrownBy(() -> open(store, null))
                .isInstanceOf(MissingBudgetException.class)
                .hasMessageContaining("dataset 'adult' has no privacy ledger in memory");
        assertThat(store.closed()).isTrue();

        Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
        InMemoryLedgerStore created = new InMemoryLedgerStore();
        PrivacyLedger ledger = PrivacyLedger.builder().setStore(created).setDataset("adult")
                .optBudget(new PrivacyBudget(3, DELTA)).optPrincipal("ops").optClock(clock).build();
        ledger.charge(gaussian(10));
        assertThat(created.records().get(0)).isEqualTo(
                new BudgetDeclaration("adult", new PrivacyBudget(3, DELTA), clock.instant(), "ops"));
        assertThat(created.records().get(1)).isInstanceOfSatisfying(LedgerEntry.class, entry -> {
            assertThat(entry.timestamp()).isEqualTo(clock.instant());
            assertThat(entry.principal()).isEqualTo("drift-monitor");
            assertThat(entry.mechanism()).isEqualTo("gaussian");
            assertThat(entry.parameters()).containsEntry("noise_multiplier", 10.0).containsEntry("count", 1L);
        });

        assertThat(open(created.reopened(), null).budget()).isEqualTo(new PrivacyBudget(3, DELTA));
        assertThat(open(created.reopened(), new PrivacyBudget(3, DELTA)).entries()).hasSize(1);
        assertThatThrownBy(() -> open(created.reopened(), new PrivacyBudget(4, DELTA)))
                .isInstanceOf(BudgetMismatchException.class)
                .hasMessageContaining("epsilon 3.0 at delta 1.0E-5")
                .hasMessageContaining("not epsilon 4.0");
        assertThatThrownBy(() -> open(InMemoryLedgerStore.readOnlyWith(List.of()), new PrivacyBudget(3, DELTA)))
                .isInstanceOf(MissingBudgetException.class)
                .hasMessageContaining("read only");
    }

    @Test
    void aLedgerWithAGapOrAForeignRecordRefusesToOpen() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        PrivacyLedger ledger = open(store, new PrivacyBudget(10, DELTA));
        for (int i = 0; i < 3; i++) {
            ledger.charge(gaussian(10));
        }
        List<LedgerRecord> withGap = new ArrayList<>(store.records());
        withGap.remove(2);
        assertThatThrownBy(() -> open(InMemoryLedgerStore.readOnlyWith(withGap), null))
                .isInstanceOf(LedgerCorruptedException.class)
                .hasMessageContaining("entries 2 to 2 are missing");

        List<LedgerRecord> foreign = new ArrayList<>(store.records());
        foreign.add(new BudgetDeclaration("census", new PrivacyBudget(1, DELTA), Instant.EPOCH, "ops"));
        assertThatThrownBy(() -> open(InMemoryLedgerStore.readOnlyWith(foreign), null))
                .isInstanceOf(LedgerCorruptedException.class)
                .hasMessageContaining("of dataset 'census'");

        List<LedgerRecord> entriesOnly = new ArrayList<>(store.records());
        entriesOnly.remove(0);
        assertThatThrownBy(() -> open(InMemoryLedgerStore.readOnlyWith(entriesOnly), null))
                .isInstanceOf(LedgerCorruptedException.class)
                .hasMessageContaining("3 entries but no budget declaration");
    }

    @Test
    void aClosedLedgerChargesNothing() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        PrivacyLedger ledger = open(store, new PrivacyBudget(10, DELTA));
        ledger.close();
        assertThat(store.closed()).isTrue();
        assertThatThrownBy(() -> ledger.charge(gaussian(10))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nothingSpentIsEpsilonZeroNotTheConversionsOverhead() {
        PrivacyLedger ledger = open(new InMemoryLedgerStore(), new PrivacyBudget(1, 1e-6));
        // the tight conversion of a zero curve at order 256 alone would say 0.0285
        assertThat(RdpConversion.TIGHT.epsilon(0, 256, 1e-6)).isGreaterThan(0.028);
        assertThat(ledger.spent().epsilon()).isZero();
        assertThat(ledger.remainingEpsilon()).isEqualTo(1);
        ledger.charge(ChargeRequest.builder().setMechanism("noop").setLoss(new PrivacyLoss.Zcdp(0))
                .setPurpose("nothing").setPrincipal("test").build());
        assertThat(ledger.spent().epsilon()).isZero();
    }

    @Test
    void theSummarySaysWhatRemains() {
        PrivacyLedger ledger = open(new InMemoryLedgerStore(), new PrivacyBudget(8, DELTA));
        ledger.charge(gaussian(3));
        LedgerSummary summary = ledger.summary();
        assertThat(summary.dataset()).isEqualTo("adult");
        assertThat(summary.entries()).isEqualTo(1);
        assertThat(summary.spent().epsilon()).isCloseTo(accountantEpsilon(3, 1), within(1e-12));
        assertThat(summary.remainingEpsilon()).isCloseTo(8 - accountantEpsilon(3, 1), within(1e-12));
        assertThat(ledger.spentWith(gaussian(3).loss()).epsilon()).isCloseTo(accountantEpsilon(3, 2),
                within(1e-9));
    }
}
