package io.shadowfeed.deploy.local;

import io.shadowfeed.job.ShadowfeedJob;
import io.shadowfeed.job.spec.PipelineSpec;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the Shadowfeed job on a Flink MiniCluster in this JVM. The cluster's REST endpoint listens on a random
 * loopback port with job submission and cancellation through it disabled, unless a web UI port is asked for.
 */
public final class LocalJobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalJobRunner.class);
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(30);

    private final String jobName;
    private final JobClient client;
    private final long startedNanos = System.nanoTime();

    private LocalJobRunner(String jobName, JobClient client) {
        this.jobName = jobName;
        this.client = client;
    }

    /**
     * Provisions the topics and submits the job.
     *
     * @param webUiPort the port of Flink's web UI, or -1 for none
     */
    public static LocalJobRunner start(PipelineSpec spec, boolean bounded, int webUiPort) throws Exception {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        StreamExecutionEnvironment env;
        if (webUiPort >= 0) {
            config.set(RestOptions.PORT, webUiPort);
            env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);
        } else {
            config.set(RestOptions.BIND_PORT, "0");
            config.set(WebOptions.SUBMIT_ENABLE, false);
            config.set(WebOptions.CANCEL_ENABLE, false);
            env = StreamExecutionEnvironment.createLocalEnvironment(spec.parallelism(), config);
        }
        ShadowfeedJob job = ShadowfeedJob.builder().setSpec(spec).optBounded(bounded).build();
        JobClient client = job.executeAsync(env);
        LOG.info("job '{}' submitted as {} ({})", job.jobName(), client.getJobID(), bounded ? "bounded" : "unbounded");
        return new LocalJobRunner(job.jobName(), client);
    }

    public String jobName() {
        return jobName;
    }

    public String jobId() {
        return client.getJobID().toString();
    }

    /** Waits for the job to end (a bounded job finishes; an unbounded one only fails or is cancelled). */
    public JobExecutionResult awaitCompletion() throws InterruptedException, ExecutionException {
        return client.getJobExecutionResult().get();
    }

    /**
     * @return whether the job ended within the timeout
     * @throws ExecutionException if it failed
     */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException, ExecutionException {
        try {
            client.getJobExecutionResult().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        }
    }

    public boolean isDone() {
        return client.getJobExecutionResult().isDone();
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Cancels the job if it still runs and waits for it to stop. */
    @Override
    public void close() {
        if (isDone()) {
            return;
        }
        try {
            JobStatus status = client.getJobStatus().get(CANCEL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!status.isGloballyTerminalState()) {
                LOG.info("cancelling job {}", client.getJobID());
                client.cancel().get(CANCEL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            client.getJobExecutionResult().handle((result, failure) -> null)
                    .get(CANCEL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cancelling job " + client.getJobID(), e);
        } catch (ExecutionException | TimeoutException e) {
            // The job may have ended between the checks; a job that cannot be cancelled ends with this JVM.
            LOG.warn("could not cancel job {} cleanly: {}", client.getJobID(), e.toString());
        }
    }
}
