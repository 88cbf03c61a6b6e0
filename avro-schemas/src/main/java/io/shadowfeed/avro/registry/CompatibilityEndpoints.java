package io.shadowfeed.avro.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code /compatibility}: whether a schema could be registered, against one version or against the subject's
 * versions as its level says; {@code ?verbose=true} adds the reasons.
 */
final class CompatibilityEndpoints {

    private final SchemaRegistryService service;

    private CompatibilityEndpoints(SchemaRegistryService service) {
        this.service = service;
    }

    static void addTo(RouteTable routes, SchemaRegistryService service) {
        CompatibilityEndpoints endpoints = new CompatibilityEndpoints(service);
        routes.add("POST", "/compatibility/subjects/{subject}/versions/{version}", endpoints::againstVersion)
                .add("POST", "/compatibility/subjects/{subject}/versions", endpoints::againstSubject);
    }

    private RegistryResponse againstVersion(RegistryRequest request) {
        VersionId version = VersionId.parse(request.param("version"));
        SchemaRequest schema = SchemaRequest.fromJson(request.json());
        return answer(request, service.checkCompatibility(request.param("subject"), schema, version));
    }

    private RegistryResponse againstSubject(RegistryRequest request) {
        SchemaRequest schema = SchemaRequest.fromJson(request.json());
        return answer(request, service.checkCompatibility(request.param("subject"), schema, null));
    }

    private static RegistryResponse answer(RegistryRequest request, List<String> problems) {
        ObjectNode body = RegistryJson.object().put("is_compatible", problems.isEmpty());
        if (request.flag("verbose")) {
            ArrayNode messages = body.putArray("messages");
            problems.forEach(messages::add);
        }
        return RegistryResponse.ok(body);
    }
}
