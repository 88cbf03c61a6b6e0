package io.shadowfeed.avro.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a method and a path like {@code /subjects/{subject}/versions/{version}} to an {@link Endpoint}. A path that
 * no route knows is a 404, a known path with another method a 405, as in Confluent's registry.
 */
final class RouteTable {

    /** Answers one kind of request. */
    @FunctionalInterface
    interface Endpoint {
        RegistryResponse handle(RegistryRequest request);
    }

    private record Route(String method, List<String> pattern, Endpoint endpoint) {}

    private final List<Route> routes = new ArrayList<>();

    RouteTable add(String method, String pattern, Endpoint endpoint) {
        List<String> segments = new ArrayList<>();
        for (String segment : pattern.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        routes.add(new Route(method, List.copyOf(segments), endpoint));
        return this;
    }

    RegistryResponse dispatch(RegistryRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.pattern(), request.path());
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(request.method())) {
                return route.endpoint().handle(request.withParams(params));
            }
        }
        throw pathKnown ? RegistryErrors.methodNotAllowed() : RegistryErrors.notFound();
    }

    private static Map<String, String> match(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            String actual = path.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return null;
                }
                params.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return params;
    }
}
