package io.shadowfeed.trainer.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Path;
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

    private CtganNetworks(NDManager manager, NetworkShape shape, boolean withCritic, long seed,
            InitialValues generatorValues) {
        this.manager = manager;
        this.shape = shape;
        SplittableRandom random = new SplittableRandom(seed);
        this.generator = new Generator(manager, shape.generatorInputWidth(), shape.generatorSizes(),
                shape.dataWidth(), random.split(), generatorValues);
        generatorValues.requireAllClaimed();
        this.critic = withCritic
                ? new Critic(manager, shape.criticRowWidth(), shape.pac(), shape.criticSizes(), shape.dropout(),
                        random.split())
                : null;
    }

    /** Both networks, initialised from {@code seed}: the same seed gives the same weights. */
    public static CtganNetworks forTraining(NetworkShape shape, Device device, long seed) {
        return new CtganNetworks(NDManager.newBaseManager(device), shape, true, seed, InitialValues.fresh());
    }

    /** The generator alone, built from saved parameters (a file {@link ParameterFile} wrote). */
    public static CtganNetworks forSampling(NetworkShape shape, Device device, Path generatorParameters)
            throws IOException {
        InitialValues values = ParameterFile.initialValues(generatorParameters);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            return new CtganNetworks(manager, shape, false, 0, values);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
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
