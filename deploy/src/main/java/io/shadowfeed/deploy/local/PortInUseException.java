package io.shadowfeed.deploy.local;

/** A port that a local service needs is taken. The message says which option picks another one. */
public final class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int port;

    public PortInUseException(int port, String option) {
        super("port " + port + " is already in use; pass " + option);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
