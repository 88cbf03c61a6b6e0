package io.shadowfeed.privacy.dp.mechanism;

import io.shadowfeed.privacy.dp.testutils.SeededRandom;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContributionBoundingTest {

    private record Event(String user, int id) {
    }

    @Test
    void clampBoundsAValueAndItsSensitivity() {
        ClampBounds bounds = new ClampBounds(-2, 5.5);
        assertThat(bounds.clamp(-10.0)).isEqualTo(-2);
        assertThat(bounds.clamp(3.0)).isEqualTo(3);
        assertThat(bounds.clamp(99.0)).isEqualTo(5.5);
        assertThat(bounds.clamp(99L)).isEqualTo(5L);
        assertThat(bounds.clamp(-99L)).isEqualTo(-2L);
        assertThat(bounds.sumSensitivity()).isEqualTo(5.5);
        assertThat(bounds.width()).isEqualTo(7.5);
        assertThatThrownBy(() -> bounds.clamp(Double.NaN)).hasMessageContaining("must not be NaN");
        assertThatThrownBy(() -> new ClampBounds(3, 1))
                .hasMessage("clamp lower bound must be at most the upper bound. Provided value: [3.0, 1.0]");
        assertThatThrownBy(() -> new ClampBounds(0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("must be finite");
        assertThatThrownBy(() -> new ClampBounds(0.2, 0.8).clamp(1L)).hasMessageContaining("no integer lies");
    }

    @Test
    void firstKeepsTheEarliestPerUnitInOrder() {
        List<Event> events = List.of(new Event("a", 0), new Event("b", 1), new Event("a", 2), new Event("a", 3),
                new Event("b", 4), new Event("c", 5), new Event("a", 6));
        ContributionLimit limit = new ContributionLimit(2, ContributionLimit.Selection.FIRST);
        assertThat(limit.apply(events, Event::user, null)).extracting(Event::id).containsExactly(0, 1, 2, 4, 5);
        assertThat(limit.slotFor(1, null)).isEqualTo(1);
        assertThat(limit.slotFor(2, null)).isEqualTo(-1);
        assertThat(limit.l1Sensitivity(3)).isEqualTo(6);
        assertThat(limit.l2SensitivityDistinctCells(1)).isEqualTo(Math.sqrt(2));
        assertThatThrownBy(() -> new ContributionLimit(0, ContributionLimit.Selection.FIRST))
                .hasMessage("maxPerUnit must be at least 1. Provided value: 0");
        assertThatThrownBy(() -> new ContributionLimit(1, null)).hasMessage("selection must not be null.");
    }

    /**
     * Reservoir selection keeps every one of a unit's n contributions with probability k / n, whatever its
     * position: 20,000 trials of 3 out of 12, chi-squared over the 12 positions at alpha = 1e-4 (fixed seed).
     */
    @Test
    @Tag("statistical")
    void reservoirKeepsAUniformSample() {
        int n = 12;
        int k = 3;
        int trials = 20_000;
        ContributionLimit limit = new ContributionLimit(k, ContributionLimit.Selection.RESERVOIR);
        RandomSource random = SeededRandom.of(11);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new Event("u", 2 * i));
            events.add(new Event("other", 2 * i + 1));
        }
        long[] kept = new long[n];
        for (int trial = 0; trial < trials; trial++) {
            List<Event> result = limit.apply(events, Event::user, random);
            assertThat(result).hasSize(2 * k);
            assertThat(result).extracting(Event::id).as("input order").isSorted();
            result.stream().filter(e -> e.user().equals("u")).forEach(e -> kept[e.id() / 2]++);
        }
        double[] expected = new double[n];
        java.util.Arrays.fill(expected, (double) trials * k / n);
        assertThat(new ChiSquareTest().chiSquareTest(expected, kept)).isGreaterThan(1e-4);
    }
}
