/**
 * A schema registry that speaks the Confluent Schema Registry REST API (AVRO schemas), for local runs and tests:
 * {@link io.shadowfeed.avro.registry.SchemaRegistryServer} is the only entry point; the records are kept by a
 * {@link io.shadowfeed.avro.registry.store.SchemaStore}.
 *
 * <p>Inside: the HTTP routing ({@code RegistryHttpHandler}, {@code RouteTable} and one {@code *Endpoints} class per
 * resource), the operations and their write lock ({@code SchemaRegistryService}), the state rebuilt from the store
 * ({@code RegistryState}), the compatibility rules ({@code CompatibilityChecker}, over the shaded Avro adapter in
 * {@code io.shadowfeed.avro.confluent.compat}) and Confluent's error catalogue ({@code RegistryErrors}).
 */
package io.shadowfeed.avro.registry;
