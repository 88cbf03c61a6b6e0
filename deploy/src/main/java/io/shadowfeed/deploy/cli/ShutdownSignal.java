package io.shadowfeed.deploy.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Blocks a command until the JVM is asked to stop (Ctrl-C, SIGTERM), then lets it close its services in order before
 * the JVM exits: the shutdown hook waits until the command says it is done.
 */
final class ShutdownSignal {

    /** Closing must not hang the JVM's exit forever: after this, the remaining shutdown hooks run anyway. */
    private static final long CLOSE_TIMEOUT_SECONDS = 60;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "shadowfeed-shutdown");

    ShutdownSignal() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits for Ctrl-C; the caller then closes its services and calls {@link #done()}. */
    void await() throws InterruptedException {
        requested.await();
    }

    /** Releases the shutdown hook (call in a finally block). */
    void done() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that done is counted down
        }
    }

    private void onShutdown() {
        requested.countDown();
        try {
            done.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
