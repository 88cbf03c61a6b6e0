package io.shadowfeed.trainer.evaluate;

import java.util.Arrays;
import java.util.Objects;

/** Generator and critic loss per epoch (mean over the epoch's steps), for the report's loss plot. */
public record LossHistory(double[] generatorLoss, double[] criticLoss) {

    public LossHistory {
        Objects.requireNonNull(generatorLoss, "generatorLoss");
        Objects.requireNonNull(criticLoss, "criticLoss");
        if (generatorLoss.length != criticLoss.length) {
            throw new IllegalArgumentException("one loss per epoch for both networks; got " + generatorLoss.length
                    + " generator and " + criticLoss.length + " critic losses");
        }
        generatorLoss = generatorLoss.clone();
        criticLoss = criticLoss.clone();
    }

    public int epochs() {
        return generatorLoss.length;
    }

    @Override
    public double[] generatorLoss() {
        return generatorLoss.clone();
    }

    @Override
    public double[] criticLoss() {
        return criticLoss.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossHistory other && Arrays.equals(generatorLoss, other.generatorLoss)
                && Arrays.equals(criticLoss, other.criticLoss);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(generatorLoss) + Arrays.hashCode(criticLoss);
    }

    @Override
    public String toString() {
        return "LossHistory[" + epochs() + " epochs]";
    }
}
