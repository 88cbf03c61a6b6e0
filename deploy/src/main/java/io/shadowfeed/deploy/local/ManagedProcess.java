package io.shadowfeed.deploy.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM (or any process) whose output goes to a log file and which never outlives this JVM: a shutdown hook
 * stops it on exit and Ctrl-C, and {@link ParentWatchdogMain} covers the case where this JVM is killed outright.
 */
final class ManagedProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);
    private static final Duration FORCED_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Duration grace;
    private final Thread shutdownHook;

    private ManagedProcess(String name, Process process, Path logFile, Duration grace) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.grace = grace;
        this.shutdownHook = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * @param grace how long a SIGTERM may take before the process is killed
     */
    static ManagedProcess launch(String name, List<String> command, Path workDir, Path logFile, Duration grace) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        try {
            Process process = builder.start();
            LOG.debug("started {} as pid {}, log {}", name, process.pid(), logFile);
            return new ManagedProcess(name, process, logFile, grace);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + name + ": " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once the process has ended. */
    int exitValue() {
        return process.exitValue();
    }

    Path logFile() {
        return logFile;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to run stop() too; stop() is idempotent.
            LOG.trace("JVM is shutting down; {} hook stays registered", name);
        }
    }

    /** SIGTERM, wait up to the grace period, then SIGKILL. Idempotent and safe to call from several threads. */
    private synchronized void stop() {
        if (!process.isAlive()) {
            return;
        }
        LOG.debug("stopping {} (pid {})", name, process.pid());
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} (pid {}) did not stop within {} s; killing it", name, process.pid(),
                        grace.toSeconds());
                process.destroyForcibly();
                if (!process.waitFor(FORCED_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.error("{} (pid {}) is still alive after SIGKILL", name, process.pid());
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
