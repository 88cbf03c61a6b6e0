package io.shadowfeed.privacy.dp.mechanism;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * At most {@code maxPerUnit} contributions per privacy unit (a user, a device): the second half of contribution
 * bounding, which is what makes a sensitivity true whatever one unit sends. Which contributions are kept is the
 * {@link Selection}: the first ones (deterministic, but which ones survive then depends on arrival order), or a
 * uniform sample of all of them (reservoir sampling, Vitter's Algorithm R). Immutable; the per-unit state (how many
 * were seen, which are kept) belongs to the caller, so that streaming code can hold it in keyed state and ask
 * {@link #slotFor} per arrival, while batch code calls {@link #apply}.
 *
 * @param maxPerUnit at least 1
 * @param selection  which contributions to keep
 */
public record ContributionLimit(int maxPerUnit, Selection selection) {

    /** Which of a unit's contributions are kept. */
    public enum Selection {
        /** The first {@code maxPerUnit} in arrival order. */
        FIRST,
        /** A uniformly random {@code maxPerUnit} of them, whatever their number. */
        RESERVOIR
    }

    public ContributionLimit {
        if (maxPerUnit < 1) {
            throw new IllegalArgumentException("maxPerUnit must be at least 1. Provided value: " + maxPerUnit);
        }
        DpPreconditions.checkNotNull(selection, "selection");
    }

    /**
     * Where a unit's contribution number {@code index} (0 for its first) goes: a slot in [0, maxPerUnit) of the
     * unit's kept list, replacing what is there, or -1 to drop it. With {@link Selection#RESERVOIR} every
     * contribution seen so far is in the kept list with the same probability, maxPerUnit / (index + 1).
     */
    public int slotFor(long index, RandomSource random) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0. Provided value: " + index);
        }
        if (index < maxPerUnit) {
            return (int) index;
        }
        if (selection == Selection.FIRST) {
            return -1;
        }
        long slot = random.nextLong(index + 1);
        return slot < maxPerUnit ? (int) slot : -1;
    }

    /** The items with at most {@code maxPerUnit} per unit, in their input order. */
    public <T> List<T> apply(List<T> items, Function<? super T, ?> unitOf, RandomSource random) {
        DpPreconditions.checkNotNull(items, "items");
        DpPreconditions.checkNotNull(unitOf, "unitOf");
        if (selection == Selection.RESERVOIR) {
            DpPreconditions.checkNotNull(random, "random");
        }
        Map<Object, UnitState> units = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            UnitState state = units.computeIfAbsent(unitOf.apply(items.get(i)), unit -> new UnitState(maxPerUnit));
            int slot = slotFor(state.seen++, random);
            if (slot >= 0) {
                state.kept[slot] = i;
                state.size = Math.max(state.size, slot + 1);
            }
        }
        boolean[] keep = new boolean[items.size()];
        for (UnitState state : units.values()) {
            for (int slot = 0; slot < state.size; slot++) {
                keep[state.kept[slot]] = true;
            }
        }
        List<T> kept = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept.add(items.get(i));
            }
        }
        return kept;
    }

    /** maxPerUnit times a contribution's own bound: the L1 sensitivity of a sum (or a histogram) after the limit. */
    public double l1Sensitivity(double perContribution) {
        return maxPerUnit * DpPreconditions.checkSensitivity(perContribution, "perContribution");
    }

    /**
     * The L2 sensitivity of a histogram after the limit when a unit's kept contributions fall in distinct cells
     * (e.g. after deduplicating (unit, cell) pairs): sqrt(maxPerUnit) times a contribution's bound. Without that
     * guarantee use {@link #l1Sensitivity}, which also bounds L2.
     */
    public double l2SensitivityDistinctCells(double perContribution) {
        return Math.sqrt(maxPerUnit) * DpPreconditions.checkSensitivity(perContribution, "perContribution");
    }

    private static final class UnitState {
        final int[] kept;
        long seen;
        int size;

        UnitState(int maxPerUnit) {
            this.kept = new int[maxPerUnit];
        }
    }
}
