package io.shadowfeed.deploy.replay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacerTest {

    private static final long MS = 1_000_000L;

    @Test
    void capsTheRate() {
        Pacer pacer = new Pacer(100, 0);
        long now = 1_000 * MS;

        assertThat(pacer.delayNanos(now, null)).isZero();
        assertThat(pacer.delayNanos(now, null)).isEqualTo(10 * MS);
        assertThat(pacer.delayNanos(now + 5 * MS, null)).isEqualTo(15 * MS);
    }

    @Test
    void pacesByTheGapsBetweenEventTimes() {
        Pacer pacer = new Pacer(0, 60);
        long now = 0;

        assertThat(pacer.delayNanos(now, 1_000_000L)).isZero();
        // one minute of event time later, at 60x: one second of wall time
        assertThat(pacer.delayNanos(now, 1_060_000L)).isEqualTo(1_000 * MS);
        // an earlier event does not move the clock back; a later one goes on from the latest
        assertThat(pacer.delayNanos(now, 1_000_000L)).isEqualTo(1_000 * MS);
        assertThat(pacer.delayNanos(now, 1_120_000L)).isEqualTo(2_000 * MS);
        // records without a time go with the previous one
        assertThat(pacer.delayNanos(now, null)).isEqualTo(2_000 * MS);
    }

    @Test
    void takesTheLaterOfRateAndEventTime() {
        Pacer pacer = new Pacer(1, 1000);

        assertThat(pacer.delayNanos(0, 0L)).isZero();
        // event time says 1 ms later, the rate says 1 s later
        assertThat(pacer.delayNanos(0, 1_000L)).isEqualTo(1_000 * MS);
    }

    @Test
    void doesNotBurstToCatchUpAfterFallingFarBehind() {
        Pacer pacer = new Pacer(1000, 0);
        pacer.delayNanos(0, null);

        // 5 s late for the second record: the schedule restarts instead of sending 5000 records at once
        assertThat(pacer.delayNanos(5_000 * MS, null)).isZero();
        assertThat(pacer.delayNanos(5_000 * MS, null)).isEqualTo(1 * MS);
    }

    @Test
    void rejectsNegativeSettings() {
        assertThatThrownBy(() -> new Pacer(-1, 0)).hasMessage("rate must be >= 0. Provided value: -1.0");
        assertThatThrownBy(() -> new Pacer(0, Double.NaN)).hasMessage("speedup must be >= 0. Provided value: NaN");
    }

    @Test
    void isUnpacedWithoutRateOrSpeedup() {
        assertThat(new Pacer(0, 0).isUnpaced()).isTrue();
        assertThat(new Pacer(5, 0).isUnpaced()).isFalse();
    }
}
