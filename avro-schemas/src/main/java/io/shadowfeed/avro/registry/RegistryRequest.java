package io.shadowfeed.avro.registry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request, decoded: method, path segments, query parameters, the path parameters of the matched route,
 * and the body.
 */
record RegistryRequest(
        String method, List<String> path, Map<String, String> query, Map<String, String> params, byte[] body) {

    RegistryRequest {
        path = List.copyOf(path);
        query = Map.copyOf(query);
        params = Map.copyOf(params);
    }

    RegistryRequest withParams(Map<String, String> matched) {
        return new RegistryRequest(method, path, query, matched, body);
    }

    String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter '" + name + "'");
        }
        return value;
    }

    /** A query parameter, or null. */
    String query(String name) {
        return query.get(name);
    }

    /** Whether a query parameter is {@code true} (any case). */
    boolean flag(String name) {
        return Boolean.parseBoolean(query.get(name));
    }

    /** The body as JSON; a 400 error if it is missing or malformed. */
    JsonNode json() {
        if (body.length == 0) {
            throw RegistryErrors.badRequest("the request has no JSON body");
        }
        return RegistryJson.read(body);
    }

    String describe() {
        return method + " /" + String.join("/", path);
    }
}
