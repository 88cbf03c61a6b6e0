package io.shadowfeed.deploy.pii;

import io.shadowfeed.deploy.replay.ReplayProgress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** A line every few seconds while {@code pii apply} runs, for logs and pipes where a progress bar would be noise. */
public final class ApplyLineProgress implements ReplayProgress {

    private final PrintStream out;
    private final long intervalNanos;
    private String name;
    private long expected;
    private long started;
    private long lastPrinted;

    public ApplyLineProgress(PrintStream out, long intervalSeconds) {
        this.out = out;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
    }

    @Override
    public void start(String source, long expectedRows) {
        this.name = source;
        this.expected = expectedRows;
        this.started = System.nanoTime();
        this.lastPrinted = started;
    }

    @Override
    public void update(long rows) {
        long now = System.nanoTime();
        if (now - lastPrinted < intervalNanos) {
            return;
        }
        lastPrinted = now;
        double seconds = (now - started) / 1e9;
        String of = expected >= 0 ? " of " + expected : "";
        out.printf(Locale.ROOT, "pii apply %s: %d%s rows written (%.0f rows/s)%n", name, rows, of, rows / seconds);
    }

    @Override
    public void close() {}
}
