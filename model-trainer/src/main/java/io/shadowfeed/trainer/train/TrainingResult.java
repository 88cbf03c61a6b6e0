package io.shadowfeed.trainer.train;

import io.shadowfeed.trainer.model.CtganNetworks;
import io.shadowfeed.trainer.model.NetworkShape;

/**
 * A finished run: the trained networks (the caller closes them), their shape, the loss history, the epochs the
 * model has seen in all (resumed runs included) and the mean wall time of the epochs this run trained.
 */
public record TrainingResult(CtganNetworks networks, NetworkShape shape, LossHistory lossHistory, int epochs,
        double secondsPerEpoch) implements AutoCloseable {

    @Override
    public void close() {
        networks.close();
    }
}
