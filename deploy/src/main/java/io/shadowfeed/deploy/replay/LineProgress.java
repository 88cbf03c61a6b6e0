package io.shadowfeed.deploy.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A line every few seconds, for logs and pipes where a progress bar would be noise: {@code replay raw.flights: 200000
 * of 1010328 records sent (142000 records/s)}.
 */
public final class LineProgress implements ReplayProgress {

    private final PrintStream out;
    private final long intervalNanos;
    private final String task;
    private final String unit;
    private final String done;
    private String topic;
    private long expected;
    private long started;
    private long lastPrinted;

    /** Replay's progress: "records sent". */
    public LineProgress(PrintStream out, long intervalSeconds) {
        this(out, intervalSeconds, "replay", "records", "sent");
    }

    /**
     * @param task what runs, such as {@code pii apply}
     * @param unit what is counted, such as {@code rows}
     * @param done what happened to them, such as {@code written}
     */
    public LineProgress(PrintStream out, long intervalSeconds, String task, String unit, String done) {
        this.out = out;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
        this.task = task;
        this.unit = unit;
        this.done = done;
    }

    @Override
    public void start(String topic, long expected) {
        this.topic = topic;
        this.expected = expected;
        this.started = System.nanoTime();
        this.lastPrinted = started;
    }

    @Override
    public void update(long sent) {
        long now = System.nanoTime();
        if (now - lastPrinted < intervalNanos) {
            return;
        }
        lastPrinted = now;
        double seconds = (now - started) / 1e9;
        String of = expected >= 0 ? " of " + expected : "";
        out.printf(Locale.ROOT, "%s %s: %d%s %s %s (%.0f %s/s)%n", task, topic, sent, of, unit, done, sent / seconds,
                unit);
    }

    @Override
    public void close() {}
}
