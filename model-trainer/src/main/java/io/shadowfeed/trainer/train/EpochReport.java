package io.shadowfeed.trainer.train;

/** One finished epoch: its number (1-based), the total, the mean losses and its wall time. */
public record EpochReport(int epoch, int totalEpochs, double generatorLoss, double criticLoss, double seconds) {
}
