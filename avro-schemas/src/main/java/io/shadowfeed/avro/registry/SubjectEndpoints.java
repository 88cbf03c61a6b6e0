package io.shadowfeed.avro.registry;

import io.shadowfeed.avro.registry.store.StoreRecord.SchemaVersion;

import java.util.List;

/** {@code /subjects}: register, look up, list, read and delete the versions of subjects. */
final class SubjectEndpoints {

    private final SchemaRegistryService service;

    private SubjectEndpoints(SchemaRegistryService service) {
        this.service = service;
    }

    static void addTo(RouteTable routes, SchemaRegistryService service) {
        SubjectEndpoints endpoints = new SubjectEndpoints(service);
        routes.add("GET", "/subjects", endpoints::listSubjects)
                .add("POST", "/subjects/{subject}", endpoints::lookUp)
                .add("DELETE", "/subjects/{subject}", endpoints::deleteSubject)
                .add("GET", "/subjects/{subject}/versions", endpoints::listVersions)
                .add("POST", "/subjects/{subject}/versions", endpoints::register)
                .add("GET", "/subjects/{subject}/versions/{version}", endpoints::getVersion)
                .add("DELETE", "/subjects/{subject}/versions/{version}", endpoints::deleteVersion)
                .add("GET", "/subjects/{subject}/versions/{version}/schema", endpoints::getRawSchema)
                .add("GET", "/subjects/{subject}/versions/{version}/referencedby", endpoints::referencedBy);
    }

    private RegistryResponse listSubjects(RegistryRequest request) {
        return RegistryResponse.ok(service.subjects(request.flag("deleted"), request.query("subjectPrefix")));
    }

    private RegistryResponse lookUp(RegistryRequest request) {
        SchemaRequest schema = SchemaRequest.fromJson(request.json());
        SchemaVersion found = service.lookup(request.param("subject"), schema, request.flag("deleted"));
        return RegistryResponse.ok(RegistryJson.schemaVersion(found));
    }

    private RegistryResponse deleteSubject(RegistryRequest request) {
        return RegistryResponse.ok(service.deleteSubject(request.param("subject"), request.flag("permanent")));
    }

    private RegistryResponse listVersions(RegistryRequest request) {
        return RegistryResponse.ok(service.versions(request.param("subject"), request.flag("deleted")));
    }

    private RegistryResponse register(RegistryRequest request) {
        SchemaRequest schema = SchemaRequest.fromJson(request.json());
        SchemaRegistryService.Registration registration = service.register(request.param("subject"), schema);
        return RegistryResponse.ok(RegistryJson.object().put("id", registration.id()));
    }

    private RegistryResponse getVersion(RegistryRequest request) {
        return RegistryResponse.ok(RegistryJson.schemaVersion(version(request)));
    }

    private RegistryResponse getRawSchema(RegistryRequest request) {
        return RegistryResponse.okRaw(version(request).schema());
    }

    private RegistryResponse referencedBy(RegistryRequest request) {
        version(request); // 40401 / 40402 as for the version itself; references are not supported, so none
        return RegistryResponse.ok(List.of());
    }

    private RegistryResponse deleteVersion(RegistryRequest request) {
        VersionId version = VersionId.parse(request.param("version"));
        return RegistryResponse.ok(
                service.deleteVersion(request.param("subject"), version, request.flag("permanent")));
    }

    private SchemaVersion version(RegistryRequest request) {
        VersionId version = VersionId.parse(request.param("version"));
        return service.version(request.param("subject"), version, request.flag("deleted"));
    }
}
