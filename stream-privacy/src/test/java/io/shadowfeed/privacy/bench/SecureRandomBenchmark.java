package io.shadowfeed.privacy.bench;

import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
 * Why the DP noise reads its generator in blocks, and why that generator: {@code nextBytes} calls per second for the
 * JDK's secure generators at 8-byte and 8 KiB requests, one thread. Bytes per second = score * bytes.
 *
 * <pre>
 * java -Djmh.ignoreLock=true -cp ... org.openjdk.jmh.Main SecureRandomBenchmark -f 1 -wi 2 -i 3 -w 1s -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class SecureRandomBenchmark {

    @Param({"DRBG", "SHA1PRNG", "NativePRNGNonBlocking"})
    public String algorithm;

    @Param({"8", "8192"})
    public int bytes;

    private SecureRandom generator;
    private byte[] block;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        generator = algorithm.equals("DRBG")
                ? SecureRandom.getInstance("DRBG", DrbgParameters.instantiation(256,
                        DrbgParameters.Capability.RESEED_ONLY, null))
                : SecureRandom.getInstance(algorithm);
        block = new byte[bytes];
    }

    @Benchmark
    public byte[] nextBytes() {
        generator.nextBytes(block);
        return block;
    }
}
