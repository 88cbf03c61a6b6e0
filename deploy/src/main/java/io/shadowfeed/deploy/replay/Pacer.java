package io.shadowfeed.deploy.replay;

/**
 * Decides when the next record may be sent: at most {@code rate} records per second, and/or at the pace of the
 * records' event times sped up {@code speedup} times. Event time advances by the gap between consecutive event
 * times; a record earlier than its predecessor (or without a time) does not move it back. When sending falls behind
 * the schedule by more than {@link #MAX_LAG_NANOS} the schedule restarts from now, so a slow patch is not followed by
 * an unbounded burst.
 *
 * <p>Pure schedule arithmetic over a caller-supplied clock, so it is testable without sleeping.
 */
final class Pacer {

    static final long MAX_LAG_NANOS = 1_000_000_000L;

    private final double nanosPerRecord;
    private final double speedup;

    private long origin = Long.MIN_VALUE;
    private long records;
    private double eventNanos;
    private long previousEventMillis = Long.MIN_VALUE;

    /**
     * @param rate records per second, or 0 for no cap
     * @param speedup how many times faster than real time to replay event times, or 0 to ignore event times
     */
    Pacer(double rate, double speedup) {
        if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be >= 0. Provided value: " + rate);
        }
        if (speedup < 0 || Double.isNaN(speedup) || Double.isInfinite(speedup)) {
            throw new IllegalArgumentException("speedup must be >= 0. Provided value: " + speedup);
        }
        this.nanosPerRecord = rate == 0 ? 0 : 1e9 / rate;
        this.speedup = speedup;
    }

    boolean isUnpaced() {
        return nanosPerRecord == 0 && speedup == 0;
    }

    /**
     * Accounts one record and says how long to wait before sending it.
     *
     * @param now the current time of a monotonic clock, in nanoseconds
     * @param eventMillis the record's event time, or null
     * @return nanoseconds to wait (0 if it is due)
     */
    long delayNanos(long now, Long eventMillis) {
        if (origin == Long.MIN_VALUE) {
            origin = now;
        }
        if (speedup > 0 && eventMillis != null) {
            if (previousEventMillis != Long.MIN_VALUE && eventMillis > previousEventMillis) {
                eventNanos += (eventMillis - previousEventMillis) * 1e6 / speedup;
            }
            previousEventMillis = Math.max(previousEventMillis, eventMillis);
        }
        double offset = Math.max(records * nanosPerRecord, eventNanos);
        records++;
        long due = origin + (long) offset;
        if (now - due > MAX_LAG_NANOS) {
            // Too far behind: restart the schedule at this record instead of bursting to catch up.
            origin = now - (long) offset;
            return 0;
        }
        return Math.max(0, due - now);
    }
}
