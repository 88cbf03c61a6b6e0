package io.shadowfeed.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Checks and picks TCP ports on the loopback interface, before a service is launched on them. */
public final class Ports {

    private Ports() {}

    /** Whether a server could bind {@code host:port} now (it may be taken again before the caller binds it). */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Without SO_REUSEADDR a port whose last connection is in TIME_WAIT would look taken, though a broker
            // (which sets it) can bind it.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param option the command-line option that picks another port, named in the error
     * @throws PortInUseException if the port is taken
     */
    public static void requireFree(String host, int port, String option) {
        if (!isFree(host, port)) {
            throw new PortInUseException(port, option);
        }
    }

    /**
     * The ports as given, with each 0 replaced by a free port; the free ones are distinct from each other (their
     * sockets are all held while they are chosen).
     */
    public static int[] resolve(String host, int... ports) {
        int[] resolved = ports.clone();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < resolved.length; i++) {
                if (resolved[i] == 0) {
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host));
                    held.add(socket);
                    resolved[i] = socket.getLocalPort();
                }
            }
            return resolved;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot release port " + socket.getLocalPort(), e);
                }
            }
        }
    }
}
