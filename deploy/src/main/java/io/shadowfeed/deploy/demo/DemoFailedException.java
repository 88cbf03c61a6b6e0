package io.shadowfeed.deploy.demo;

/** The demo ran but its result is wrong (records lost or duplicated), or its job failed. */
public final class DemoFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DemoFailedException(String message) {
        super(message);
    }

    public DemoFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
