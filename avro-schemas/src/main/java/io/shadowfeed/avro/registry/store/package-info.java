/**
 * Where the schema registry keeps its state: the {@link io.shadowfeed.avro.registry.store.SchemaStore} interface,
 * the records it persists, and two implementations: {@link io.shadowfeed.avro.registry.store.KafkaSchemaStore}
 * (a compacted {@code _schemas} topic in Confluent's record format, so ids survive restarts) and
 * {@link io.shadowfeed.avro.registry.store.InMemorySchemaStore} (nothing persisted, for quick local use).
 */
package io.shadowfeed.avro.registry.store;
