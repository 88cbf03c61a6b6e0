package io.shadowfeed.avro.registry;

/** A response: HTTP status and a JSON body. */
record RegistryResponse(int status, String json) {

    static RegistryResponse ok(Object body) {
        return new RegistryResponse(200, RegistryJson.write(body));
    }

    /** A body that already is JSON text, e.g. a stored schema. */
    static RegistryResponse okRaw(String json) {
        return new RegistryResponse(200, json);
    }

    static RegistryResponse error(RegistryRestException e) {
        return new RegistryResponse(e.httpStatus(), RegistryJson.error(e.errorCode(), e.getMessage()));
    }
}
