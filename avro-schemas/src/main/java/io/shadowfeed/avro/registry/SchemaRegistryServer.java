package io.shadowfeed.avro.registry;

import com.sun.net.httpserver.HttpServer;

import io.shadowfeed.avro.registry.store.SchemaStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A schema registry server that speaks the Confluent Schema Registry REST API for AVRO schemas, so that
 * Confluent's clients, serializers and Flink's {@code avro-confluent} format can use it.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = SchemaRegistryServer.builder()
 *         .setPort(8081)
 *         .setStore(KafkaSchemaStore.builder().setBootstrapServers("localhost:9092").build())
 *         .build()) {
 *     registry.start();
 *     ... registry.url() ...
 * }
 * }</pre>
 *
 * <p>{@link #start()} binds the port first (a taken port fails fast with {@link PortInUseException}), then rebuilds
 * the state from the store, then serves. {@link #close()} drains requests in flight, stops serving and closes the
 * store. A server starts once.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);

    public static final String DEFAULT_HOST = "127.0.0.1";
    private static final int WORKER_THREADS = 8;
    private static final long DRAIN_MILLIS = 5_000;

    private enum Lifecycle { NEW, RUNNING, CLOSED }

    private final String host;
    private final int requestedPort;
    private final SchemaStore store;
    private final CompatibilityLevel defaultCompatibility;

    private Lifecycle lifecycle = Lifecycle.NEW;
    private HttpServer server;
    private ExecutorService workers;
    private RegistryHttpHandler handler;
    private int port = -1;
    private String url;

    private SchemaRegistryServer(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.store = builder.store;
        this.defaultCompatibility = builder.defaultCompatibility;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port, loads the state from the store and starts serving.
     *
     * @return the port the server listens on (the ephemeral one chosen by the system if the port was 0)
     * @throws PortInUseException if the port is taken
     * @throws RegistryStartException if the host cannot be bound or the server was started before
     * @throws io.shadowfeed.avro.registry.store.RegistryStoreException if the store cannot be read
     */
    public synchronized int start() {
        if (lifecycle != Lifecycle.NEW) {
            throw new RegistryStartException("the schema registry server was already "
                    + (lifecycle == Lifecycle.RUNNING ? "started" : "closed") + "; build a new one");
        }
        // Bound but not serving while the store replays: clients that connect early wait in the backlog.
        HttpServer bound = bind();
        boolean serving = false;
        try {
            SchemaRegistryService service = new SchemaRegistryService(store, defaultCompatibility);
            service.start();
            handler = new RegistryHttpHandler(routes(service));
            workers = Executors.newFixedThreadPool(WORKER_THREADS, new WorkerThreads());
            bound.setExecutor(workers);
            bound.createContext("/", handler);
            bound.start();
            serving = true;
        } catch (RuntimeException e) {
            release(bound, serving);
            if (workers != null) {
                workers.shutdownNow();
            }
            store.close();
            lifecycle = Lifecycle.CLOSED;
            throw e;
        }
        server = bound;
        port = bound.getAddress().getPort();
        url = urlFor(bound.getAddress());
        lifecycle = Lifecycle.RUNNING;
        LOG.info("Schema registry listening on {} (store: {}, default compatibility: {})",
                url, store.describe(), defaultCompatibility);
        return port;
    }

    /** The port the server listens on. */
    public synchronized int port() {
        requireRunning();
        return port;
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public synchronized String url() {
        requireRunning();
        return url;
    }

    /** Stops serving (after the requests in flight, at most a few seconds) and closes the store. Idempotent. */
    @Override
    public synchronized void close() {
        if (lifecycle != Lifecycle.RUNNING) {
            lifecycle = Lifecycle.CLOSED;
            return;
        }
        lifecycle = Lifecycle.CLOSED;
        try {
            if (!handler.drain(DRAIN_MILLIS)) {
                LOG.warn("Closing the schema registry with requests still in flight after {} ms", DRAIN_MILLIS);
            }
            server.stop(0);
            workers.shutdown();
            if (!workers.awaitTermination(DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            workers.shutdownNow();
        } finally {
            store.close();
            LOG.info("Schema registry on port {} stopped", port);
        }
    }

    private HttpServer bind() {
        InetSocketAddress address = new InetSocketAddress(host, requestedPort);
        if (address.isUnresolved()) {
            throw new RegistryStartException("cannot listen on host '" + host + "': it does not resolve");
        }
        try {
            return HttpServer.create(address, 0);
        } catch (BindException e) {
            String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (reason.contains("in use")) {
                throw new PortInUseException(host, requestedPort, e);
            }
            throw new RegistryStartException(
                    "cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RegistryStartException(
                    "cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        }
    }

    /**
     * Frees the port of a server that failed to start. The JDK's server closes its listening channel through its
     * dispatcher's selector, so one that never started keeps the port bound after {@code stop}: start it first.
     */
    private static void release(HttpServer bound, boolean serving) {
        if (!serving) {
            bound.start();
        }
        bound.stop(0);
    }

    /** A wildcard address (0.0.0.0, ::) is not something to connect to: clients on this machine use loopback. */
    private static String urlFor(InetSocketAddress bound) {
        InetAddress address = bound.getAddress();
        String urlHost = address.isAnyLocalAddress()
                ? InetAddress.getLoopbackAddress().getHostAddress()
                : address.getHostAddress();
        if (urlHost.contains(":")) {
            urlHost = "[" + urlHost + "]";
        }
        return "http://" + urlHost + ":" + bound.getPort();
    }

    private static RouteTable routes(SchemaRegistryService service) {
        RouteTable routes = new RouteTable();
        ServerEndpoints.addTo(routes);
        SubjectEndpoints.addTo(routes, service);
        SchemaEndpoints.addTo(routes, service);
        ConfigEndpoints.addTo(routes, service);
        CompatibilityEndpoints.addTo(routes, service);
        return routes;
    }

    private void requireRunning() {
        if (lifecycle != Lifecycle.RUNNING) {
            throw new IllegalStateException("the schema registry server is not running (call start())");
        }
    }

    private static final class WorkerThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Builds a {@link SchemaRegistryServer}: {@code setX} for required settings, {@code optX} for optional ones. */
    public static final class Builder {

        private Integer port;
        private String host = DEFAULT_HOST;
        private SchemaStore store;
        private CompatibilityLevel defaultCompatibility = CompatibilityLevel.BACKWARD;

        private Builder() {}

        /** The port to listen on, 0 for an ephemeral one (see {@link #start()}). Required. */
        public Builder setPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535. Provided value: " + port);
            }
            this.port = port;
            return this;
        }

        /** Where the records are kept; the server closes it on {@link #close()}. Required. */
        public Builder setStore(SchemaStore store) {
            this.store = Objects.requireNonNull(store, "store must not be null");
            return this;
        }

        /** The address to listen on; default {@value #DEFAULT_HOST}; {@code 0.0.0.0} for every interface. */
        public Builder optHost(String host) {
            if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)
                    || host.contains("/")) {
                throw new IllegalArgumentException(
                        "host must be a host name or an IP address, without scheme or port. Provided value: " + host);
            }
            this.host = host;
            return this;
        }

        /** The compatibility level of subjects with no level set, until one is set globally; default BACKWARD. */
        public Builder optDefaultCompatibility(CompatibilityLevel level) {
            this.defaultCompatibility = Objects.requireNonNull(level, "defaultCompatibility must not be null");
            return this;
        }

        public SchemaRegistryServer build() {
            if (port == null) {
                throw new IllegalStateException("port must be set (setPort); use 0 for an ephemeral port");
            }
            if (store == null) {
                throw new IllegalStateException("store must be set (setStore), e.g. KafkaSchemaStore or "
                        + "InMemorySchemaStore");
            }
            return new SchemaRegistryServer(this);
        }
    }
}
