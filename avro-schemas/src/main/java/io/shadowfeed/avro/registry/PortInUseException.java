package io.shadowfeed.avro.registry;

/** The port the registry was asked to listen on is taken by another process. */
public final class PortInUseException extends RegistryStartException {

    private final int port;

    public PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " is already in use (host " + host + "); stop the process that holds it or choose "
                + "another port", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
