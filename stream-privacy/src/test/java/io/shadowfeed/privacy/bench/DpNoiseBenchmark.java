package io.shadowfeed.privacy.bench;

import io.shadowfeed.privacy.dp.mechanism.DiscreteGaussianSampler;
import io.shadowfeed.privacy.dp.mechanism.DiscreteLaplaceSampler;
import io.shadowfeed.privacy.dp.mechanism.GaussianSampler;
import io.shadowfeed.privacy.dp.mechanism.RandomSource;
import io.shadowfeed.privacy.dp.mechanism.RandomSources;
import io.shadowfeed.privacy.dp.mechanism.Rational;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Noise samples per second, one thread, every sampler drawing from the production source
 * ({@link RandomSources#secure()}: the JDK's Hash_DRBG read in 8 KiB blocks). Target: the exact discrete Gaussian
 * at >= 1M samples/s per core for sigma from 1 to 100. In the same run, as baselines: the continuous Gaussian of
 * the same sigma (floating point, polar method), the discrete Laplace of scale sigma (the Gaussian's proposal),
 * and one raw 64-bit draw from the source.
 *
 * <pre>
 * ./mvnw -q -B -o -pl stream-privacy test-compile
 * java -Djmh.ignoreLock=true -cp stream-privacy/target/test-classes:stream-privacy/target/classes:$(cat stream-privacy/target/test-classpath.txt) \
 *     org.openjdk.jmh.Main DpNoiseBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class DpNoiseBenchmark {

    @Param({"1", "3.7", "10", "100"})
    public String sigma;

    private RandomSource random;
    private DiscreteGaussianSampler discreteGaussian;
    private DiscreteLaplaceSampler discreteLaplace;
    private GaussianSampler gaussian;

    @Setup
    public void setUp() {
        random = RandomSources.secure();
        BigDecimal exact = new BigDecimal(sigma);
        discreteGaussian = new DiscreteGaussianSampler(Rational.ceil(exact.multiply(exact)), random);
        discreteLaplace = new DiscreteLaplaceSampler(Rational.ceil(exact), random);
        gaussian = new GaussianSampler(exact.doubleValue(), random);
    }

    @Benchmark
    public long discreteGaussian() {
        return discreteGaussian.sample();
    }

    @Benchmark
    public long discreteLaplace() {
        return discreteLaplace.sample();
    }

    @Benchmark
    public double baselineGaussian() {
        return gaussian.sample();
    }

    @Benchmark
    public long baselineRandomLong() {
        return random.nextLong();
    }
}
