package io.shadowfeed.trainer.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

import java.util.SplittableRandom;

/**
 * A generator and (while training) a critic, with the one native memory manager that owns their parameters.
 * Closing it frees them.
 */
public final class CtganNetworks implements AutoCloseable {
    private final NDManager manager;
    private final NetworkShape shape;
    private final Generator generator;
    private final Critic critic;

    private CtganNetworks(NDManager manager, NetworkShape shape, boolean withCritic, long seed) {
        this.manager = manager;
        this.shape = shape;
        SplittableRandom random = new SplittableRandom(seed);
        this.generator = new Generator(manager, shape.generatorInputWidth(), shape.generatorSizes(),
                shape.dataWidth(), random.split());
        this.critic = withCritic
                ? new Critic(manager, shape.criticRowWidth(), shape.pac(), shape.criticSizes(), shape.dropout(),
                        random.split())
                : null;
    }

    /** Both networks, initialised from {@code seed}: the same seed gives the same weights. */
    public static CtganNetworks forTraining(NetworkShape shape, Device device, long seed) {
        return new CtganNetworks(NDManager.newBaseManager(device), shape, true, seed);
    }

    /** The generator alone, to read saved parameters into. */
    public static CtganNetworks forSampling(NetworkShape shape, Device device) {
        return new CtganNetworks(NDManager.newBaseManager(device), shape, false, 0);
    }

    public NDManager manager() {
        return manager;
    }

    public NetworkShape shape() {
        return shape;
    }

    public Generator generator() {
        return generator;
    }

    public Critic critic() {
        if (critic == null) {
            throw new IllegalStateException("these networks were loaded for sampling and have no critic");
        }
        return critic;
    }

    @Override
    public void close() {
        manager.close();
    }
}
