package io.shadowfeed.deploy.train;

import io.shadowfeed.trainer.pipeline.PipelineListener;
import io.shadowfeed.trainer.profile.ProfileSummary;
import io.shadowfeed.trainer.profile.TableProfile;
import io.shadowfeed.trainer.train.EpochReport;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@code shadowfeed train} shows on stderr: each stage, the profile summary, then per epoch either a
 * progress bar (epoch, both losses, ETA) on a terminal or one line every few epochs elsewhere.
 */
public final class TrainingProgress implements PipelineListener {
    private static final int LINE_EVERY_EPOCHS = 10;

    private final PrintStream out;
    private final boolean terminal;
    private ProgressBar bar;

    public TrainingProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onStage(String stage) {
        closeBar();
        out.println("shadowfeed train: " + stage);
    }

    @Override
    public void onProfile(TableProfile profile) {
        out.print(ProfileSummary.render(profile));
        out.flush();
    }

    @Override
    public void onStart(int firstEpoch, int totalEpochs, int stepsPerEpoch) {
        out.printf(Locale.ROOT, "training epochs %d-%d of %d, %d steps each%n", firstEpoch, totalEpochs, totalEpochs,
                stepsPerEpoch);
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("epoch").setInitialMax(totalEpochs)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(out))
                    .setUpdateIntervalMillis(500).startsFrom(firstEpoch - 1, Duration.ZERO).build();
        }
    }

    @Override
    public void onEpoch(EpochReport report) {
        String losses = String.format(Locale.ROOT, "G %.3f  D %.3f", report.generatorLoss(), report.criticLoss());
        if (bar != null) {
            bar.stepTo(report.epoch());
            bar.setExtraMessage(losses);
        } else if (report.epoch() == 1 || report.epoch() % LINE_EVERY_EPOCHS == 0
                || report.epoch() == report.totalEpochs()) {
            out.printf(Locale.ROOT, "epoch %d/%d  %s  %.2f s/epoch  ETA %s%n", report.epoch(), report.totalEpochs(),
                    losses, report.seconds(), eta(report));
        }
    }

    @Override
    public void onCheckpoint(int epoch, Path directory) {
        if (bar == null && epoch % LINE_EVERY_EPOCHS == 0) {
            out.println("checkpoint after epoch " + epoch + " in " + directory);
        }
    }

    @Override
    public void onFinish() {
        closeBar();
    }

    private static String eta(EpochReport report) {
        long seconds = Math.round(report.seconds() * (report.totalEpochs() - report.epoch()));
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
