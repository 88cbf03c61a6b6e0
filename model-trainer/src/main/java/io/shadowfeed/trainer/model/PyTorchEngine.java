package io.shadowfeed.trainer.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The one place that starts DJL's PyTorch engine: thread counts are read when the native library loads, so they
 * are set here, first.
 */
public final class PyTorchEngine {
    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private PyTorchEngine() {
    }

    /**
     * The engine, with {@code threads} intra-op threads when this call is the one that loads it (later calls
     * cannot change the count, so they keep the first).
     */
    public static synchronized Engine start(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, Integer.toString(threads));
            System.setProperty(INTEROP_THREADS, "1");
        }
        return Engine.getEngine("PyTorch");
    }

    /** The device for {@code cpu} or {@code gpu}; gpu fails with what to do when no CUDA device is usable. */
    public static Device device(Engine engine, String name) {
        switch (name) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (engine.getGpuCount() < 1) {
                    throw new IllegalArgumentException("--device gpu: no CUDA device is visible to PyTorch "
                            + engine.getVersion() + "; build with the Maven profile -Pgpu (CUDA native jar) on a "
                            + "machine with an NVIDIA GPU, or use --device cpu");
                }
                return Device.gpu();
            default:
                throw new IllegalArgumentException("--device must be cpu or gpu, got '" + name + "'");
        }
    }
}
