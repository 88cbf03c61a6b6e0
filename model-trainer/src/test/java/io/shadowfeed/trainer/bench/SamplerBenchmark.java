package io.shadowfeed.trainer.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.io.CsvTableReader;
import io.shadowfeed.trainer.model.CtganNetworks;
import io.shadowfeed.trainer.model.InferenceGenerator;
import io.shadowfeed.trainer.model.NetworkShape;
import io.shadowfeed.trainer.model.PyTorchEngine;
import io.shadowfeed.trainer.profile.MetadataOverrides;
import io.shadowfeed.trainer.profile.Profiler;
import io.shadowfeed.trainer.profile.TableProfile;
import io.shadowfeed.trainer.sample.TableModel;
import io.shadowfeed.trainer.sample.TableSampler;
import io.shadowfeed.trainer.testutils.TestDatasets;
import io.shadowfeed.trainer.transform.DataTransformer;
import io.shadowfeed.trainer.transform.TransformerSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.util.concurrent.TimeUnit;

/**
 * Rows per second of the sampling runtime on one core (one JMH thread, one PyTorch thread), on Adult's layout
 * (157 output columns, the paper's network sizes).
 *
 * <p>{@code sampleRows} is the whole path: conditions, noise and Gumbel draws, the generator in inference mode,
 * span decoding into a typed table. {@code generatorForwardOnly} is the baseline measured in the same run: the
 * training network's forward pass in inference mode alone, on the same batches; {@code foldedForwardOnly} is the
 * sampler's own forward pass (BatchNorm folded) alone, the floor of {@code sampleRows}. Weights do not
 * change the cost, so the network is the untrained one (same shape as a trained Adult model).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class SamplerBenchmark {
    private static final int ROWS = 8192;

    @Param({"1024", "4096"})
    public int batch;

    private CtganNetworks networks;
    private InferenceGenerator folded;
    private TableSampler sampler;
    private NDManager inputs;
    private long seed;

    @Setup(Level.Trial)
    public void setUp() {
        PyTorchEngine.start(1);
        TableProfile profile = Profiler.builder().build().profile(CsvTableReader.read(TestDatasets.file(
                "adult/adult.csv")), MetadataOverrides.read(TestDatasets.file("adult/adult.ctgan_metadata.json")));
        DataTable adult = profile.type(CsvTableReader.read(TestDatasets.file("adult/adult.csv")));
        DataTransformer transformer = DataTransformer.fit(adult, adult.columnNames(), TransformerSettings.defaults(),
                1);
        int conditionWidth = transformer.discreteSpans().stream().mapToInt(span -> span.width()).sum();
        NetworkShape shape = new NetworkShape(128, conditionWidth, 0, transformer.outputWidth(),
                new int[] {256, 256}, new int[] {256, 256}, 10, 0.5f);
        networks = CtganNetworks.forTraining(shape, Device.cpu(), 1);
        sampler = new TableModel("adult", shape, transformer, null, profile).samplerOver(networks, batch);
        inputs = networks.manager().newSubManager();
        folded = networks.generator().foldedForInference(networks.manager());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sampler.close();
        folded.close();
        inputs.close();
        networks.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public DataTable sampleRows() {
        return sampler.sample(ROWS, seed++);
    }

    /** The sampler's own forward pass (BatchNorm folded into the Linear layers) alone. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public float foldedForwardOnly() {
        float sink = 0;
        int inputWidth = networks.shape().generatorInputWidth();
        for (int done = 0; done < ROWS; done += batch) {
            try (NDManager scratch = inputs.newSubManager()) {
                NDArray input = scratch.randomNormal(new Shape(batch, inputWidth));
                sink += folded.forward(input).toFloatArray()[0];
            }
        }
        return sink;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public float generatorForwardOnly() {
        float sink = 0;
        int inputWidth = networks.shape().generatorInputWidth();
        for (int done = 0; done < ROWS; done += batch) {
            try (NDManager scratch = inputs.newSubManager()) {
                NDArray input = scratch.randomNormal(new Shape(batch, inputWidth));
                sink += networks.generator().forward(input, false).toFloatArray()[0];
            }
        }
        return sink;
    }
}
