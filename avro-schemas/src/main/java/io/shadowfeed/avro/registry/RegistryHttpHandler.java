package io.shadowfeed.avro.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Translates between the JDK's {@link HttpExchange} and the registry's requests and responses: decodes the path
 * and query, checks the content type, reads the body, dispatches through the {@link RouteTable}, and answers every
 * error as Confluent's JSON error body. Tracks requests in flight so that the server can drain them on close.
 */
final class RegistryHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);

    static final String RESPONSE_CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Set<String> REQUEST_CONTENT_TYPES = Set.of(
            "application/vnd.schemaregistry.v1+json",
            "application/vnd.schemaregistry+json",
            "application/json",
            "application/octet-stream");
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final RouteTable routes;
    private final AtomicInteger inFlight = new AtomicInteger();

    RegistryHttpHandler(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        long startedAt = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        try {
            RegistryResponse response = respond(exchange);
            write(exchange, response);
            LOG.debug("{} {} -> {} in {} ms", method, path, response.status(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        } catch (IOException e) {
            LOG.debug("Could not answer {} {}: {}", method, path, e.toString());
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    /** Waits until no request is in flight, at most {@code timeoutMillis}; returns whether none is. */
    boolean drain(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private RegistryResponse respond(HttpExchange exchange) throws IOException {
        try {
            return routes.dispatch(read(exchange));
        } catch (RegistryRestException e) {
            return RegistryResponse.error(e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected error on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    e);
            return RegistryResponse.error(new RegistryRestException(500, 500, "Internal Server Error: " + e));
        }
    }

    private static RegistryRequest read(HttpExchange exchange) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        if (body.length > 0) {
            checkContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        return new RegistryRequest(
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                pathSegments(exchange.getRequestURI().getRawPath()),
                queryParameters(exchange.getRequestURI().getRawQuery()),
                Map.of(),
                body);
    }

    private static void checkContentType(String contentType) {
        if (contentType == null) {
            return;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
        if (!REQUEST_CONTENT_TYPES.contains(mediaType)) {
            throw RegistryErrors.unsupportedMediaType(contentType);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw RegistryErrors.payloadTooLarge(MAX_BODY_BYTES);
        }
        return body;
    }

    /** Path segments, percent-decoded one by one (so an encoded '/' stays inside its segment; '+' stays '+'). */
    static List<String> pathSegments(String rawPath) {
        List<String> segments = new ArrayList<>();
        if (rawPath == null) {
            return segments;
        }
        String[] parts = rawPath.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            boolean trailingSlash = i == parts.length - 1 && parts[i].isEmpty();
            if (!trailingSlash) {
                segments.add(decode(parts[i].replace("+", "%2B")));
            }
        }
        return segments;
    }

    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.putIfAbsent(decode(name), decode(value));
        }
        return query;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RegistryErrors.badRequest("malformed percent-encoding in the URL: " + e.getMessage());
        }
    }

    private static void write(HttpExchange exchange, RegistryResponse response) throws IOException {
        byte[] bytes = response.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", RESPONSE_CONTENT_TYPE);
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
