package io.shadowfeed.deploy.replay;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** A progress bar with rate and ETA, for a terminal. */
public final class ProgressBarProgress implements ReplayProgress {

    private final PrintStream out;
    private ProgressBar bar;

    public ProgressBarProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void start(String topic, long expected) {
        bar = new ProgressBarBuilder()
                .setTaskName(topic)
                .setInitialMax(expected)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .setUpdateIntervalMillis(250)
                .setUnit(" rec", 1)
                .showSpeed()
                .build();
    }

    @Override
    public void update(long sent) {
        bar.stepTo(sent);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
