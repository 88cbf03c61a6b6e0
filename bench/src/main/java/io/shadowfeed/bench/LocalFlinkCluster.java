package io.shadowfeed.bench;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One Flink MiniCluster in this JVM for every run, so each job meets a warm JVM and a running cluster and its wall
 * time does not include starting a cluster. Restarts are off: a job that fails fails its run instead of being
 * retried inside the measurement.
 */
final class LocalFlinkCluster implements AutoCloseable {

    private final MiniCluster cluster;

    private LocalFlinkCluster(MiniCluster cluster) {
        this.cluster = cluster;
    }

    static LocalFlinkCluster start(int slots) throws Exception {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.set(RestOptions.BIND_PORT, "0");
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .withRandomPorts()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
        return new LocalFlinkCluster(cluster);
    }

    /**
     * Submits the graph built on {@code env} and waits until the job has finished.
     *
     * @param abortReason asked every second while the job runs: a non-null answer cancels the job and fails the run
     */
    Timing run(StreamExecutionEnvironment env, String jobName, Supplier<String> abortReason) throws Exception {
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(jobName);
        JobGraph jobGraph = graph.getJobGraph(getClass().getClassLoader());
        long submitMillis = System.currentTimeMillis();
        long submitNanos = System.nanoTime();
        JobID id = cluster.submitJob(jobGraph).get(1, TimeUnit.MINUTES).getJobID();
        CompletableFuture<JobResult> pending = cluster.requestJobResult(id);
        JobResult result = null;
        while (result == null) {
            try {
                result = pending.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                String reason = abortReason.get();
                if (reason != null) {
                    cluster.cancelJob(id).get(1, TimeUnit.MINUTES);
                    throw new IllegalStateException("job '" + jobName + "' cancelled: " + reason);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("job '" + jobName + "' could not be followed: " + e.getCause(), e);
            }
        }
        long wallNanos = System.nanoTime() - submitNanos;
        long finishMillis = System.currentTimeMillis();
        if (!result.isSuccess()) {
            Throwable failure = result.getSerializedThrowable()
                    .<Throwable>map(t -> t.deserializeError(getClass().getClassLoader()))
                    .orElse(null);
            throw new IllegalStateException("job '" + jobName + "' ended " + result.getApplicationStatus()
                    + (failure == null ? "" : ": " + failure), failure);
        }
        return new Timing(submitMillis, finishMillis, wallNanos / 1e9, result.getNetRuntime() / 1e3);
    }

    @Override
    public void close() {
        try {
            cluster.closeAsync().get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            ThroughputBenchmark.progress("the Flink MiniCluster did not shut down cleanly: %s", e);
        }
    }

    /**
     * @param wallSeconds from submission until the job's result was known
     * @param netRuntimeSeconds Flink's own job run time (from its scheduling until it finished)
     */
    record Timing(long submitMillis, long finishMillis, double wallSeconds, double netRuntimeSeconds) {}
}
