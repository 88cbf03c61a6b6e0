package io.shadowfeed.avro.registry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The root, the mode (always READWRITE) and the contexts (the default one only). */
final class ServerEndpoints {

    private static final String READWRITE = "READWRITE";

    private ServerEndpoints() {}

    static void addTo(RouteTable routes) {
        routes.add("GET", "/", request -> RegistryResponse.ok(RegistryJson.object()))
                .add("GET", "/mode", request -> mode())
                .add("PUT", "/mode", ServerEndpoints::setMode)
                .add("GET", "/contexts", request -> RegistryResponse.ok(List.of(".")));
    }

    private static RegistryResponse setMode(RegistryRequest request) {
        JsonNode mode = request.json().get("mode");
        String text = mode == null || mode.isNull() ? null : mode.asText();
        if (!READWRITE.equalsIgnoreCase(text)) {
            throw RegistryErrors.invalidMode(text);
        }
        return mode();
    }

    private static RegistryResponse mode() {
        return RegistryResponse.ok(RegistryJson.object().put("mode", READWRITE));
    }
}
