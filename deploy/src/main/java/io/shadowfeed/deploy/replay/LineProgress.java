package io.shadowfeed.deploy.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** A line every few seconds, for logs and pipes where a progress bar would be noise. */
public final class LineProgress implements ReplayProgress {

    private final PrintStream out;
    private final long intervalNanos;
    private String topic;
    private long expected;
    private long started;
    private long lastPrinted;

    public LineProgress(PrintStream out, long intervalSeconds) {
        this.out = out;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
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
        out.printf(Locale.ROOT, "replay %s: %d%s records sent (%.0f records/s)%n", topic, sent, of, sent / seconds);
    }

    @Override
    public void close() {}
}
