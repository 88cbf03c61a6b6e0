package io.shadowfeed.avro.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /config}: the global compatibility level and each subject's own. Requests carry
 * {@code {"compatibility": "FULL"}}, reads answer {@code {"compatibilityLevel": "FULL"}}, as in Confluent's registry.
 */
final class ConfigEndpoints {

    private final SchemaRegistryService service;

    private ConfigEndpoints(SchemaRegistryService service) {
        this.service = service;
    }

    static void addTo(RouteTable routes, SchemaRegistryService service) {
        ConfigEndpoints endpoints = new ConfigEndpoints(service);
        routes.add("GET", "/config", request -> level(service.globalLevel()))
                .add("PUT", "/config", endpoints::setGlobal)
                .add("DELETE", "/config", request -> level(service.deleteGlobalLevel()))
                .add("GET", "/config/{subject}", endpoints::getSubject)
                .add("PUT", "/config/{subject}", endpoints::setSubject)
                .add("DELETE", "/config/{subject}",
                        request -> level(service.deleteSubjectLevel(request.param("subject"))));
    }

    private RegistryResponse setGlobal(RegistryRequest request) {
        CompatibilityLevel level = requestedLevel(request);
        service.setGlobalLevel(level);
        return updated(level);
    }

    private RegistryResponse getSubject(RegistryRequest request) {
        return level(service.subjectLevel(request.param("subject"), request.flag("defaultToGlobal")));
    }

    private RegistryResponse setSubject(RegistryRequest request) {
        CompatibilityLevel level = requestedLevel(request);
        service.setSubjectLevel(request.param("subject"), level);
        return updated(level);
    }

    private static CompatibilityLevel requestedLevel(RegistryRequest request) {
        JsonNode body = request.json();
        JsonNode level = body.has("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        String text = level == null || level.isNull() ? null : level.asText();
        return CompatibilityLevel.forName(text).orElseThrow(() -> RegistryErrors.invalidCompatibilityLevel(text));
    }

    private static RegistryResponse level(CompatibilityLevel level) {
        return RegistryResponse.ok(RegistryJson.object().put("compatibilityLevel", level.name()));
    }

    private static RegistryResponse updated(CompatibilityLevel level) {
        return RegistryResponse.ok(RegistryJson.object().put("compatibility", level.name()));
    }
}
