package io.shadowfeed.avro.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.shadowfeed.avro.registry.store.StoreRecord;
import io.shadowfeed.avro.registry.store.StoreRecord.SchemaVersion;

import java.util.List;
import java.util.TreeSet;

/** {@code /schemas}: schemas by global id, the list of all schemas, and the schema types served. */
final class SchemaEndpoints {

    private final SchemaRegistryService service;

    private SchemaEndpoints(SchemaRegistryService service) {
        this.service = service;
    }

    static void addTo(RouteTable routes, SchemaRegistryService service) {
        SchemaEndpoints endpoints = new SchemaEndpoints(service);
        routes.add("GET", "/schemas", endpoints::listSchemas)
                .add("GET", "/schemas/types", request -> RegistryResponse.ok(List.of(StoreRecord.AVRO)))
                .add("GET", "/schemas/ids/{id}", endpoints::getSchema)
                .add("GET", "/schemas/ids/{id}/schema", endpoints::getRawSchema)
                .add("GET", "/schemas/ids/{id}/versions", endpoints::listVersions)
                .add("GET", "/schemas/ids/{id}/subjects", endpoints::listSubjects);
    }

    private RegistryResponse listSchemas(RegistryRequest request) {
        ArrayNode schemas = JsonNodeFactory.instance.arrayNode();
        for (SchemaVersion version : service.allVersions(
                request.query("subjectPrefix"), request.flag("deleted"), request.flag("latestOnly"))) {
            schemas.add(RegistryJson.schemaVersion(version));
        }
        return RegistryResponse.ok(schemas);
    }

    private RegistryResponse getSchema(RegistryRequest request) {
        return RegistryResponse.ok(RegistryJson.object().put("schema", service.schemaById(id(request))));
    }

    private RegistryResponse getRawSchema(RegistryRequest request) {
        return RegistryResponse.okRaw(service.schemaById(id(request)));
    }

    private RegistryResponse listVersions(RegistryRequest request) {
        ArrayNode versions = JsonNodeFactory.instance.arrayNode();
        for (SchemaVersion version : service.versionsById(id(request), request.flag("deleted"))) {
            versions.add(RegistryJson.object().put("subject", version.subject()).put("version", version.version()));
        }
        return RegistryResponse.ok(versions);
    }

    private RegistryResponse listSubjects(RegistryRequest request) {
        TreeSet<String> subjects = new TreeSet<>();
        for (SchemaVersion version : service.versionsById(id(request), request.flag("deleted"))) {
            subjects.add(version.subject());
        }
        return RegistryResponse.ok(subjects);
    }

    private static int id(RegistryRequest request) {
        try {
            return Integer.parseInt(request.param("id"));
        } catch (NumberFormatException e) {
            throw RegistryErrors.notFound();
        }
    }
}
