package io.shadowfeed.avro.registry.store;

import java.util.function.Consumer;

/**
 * The registry's durable log of {@link StoreRecord}s.
 *
 * <p>The registry calls {@link #start} once, before serving, and then {@link #append} for every change, one at a
 * time (under its write lock); a change is visible to clients only after {@code append} returned. A store is
 * used by one registry at a time.
 */
public interface SchemaStore extends AutoCloseable {

    /**
     * Connects, and hands every record persisted so far to {@code replay}, in the order they were written.
     *
     * @throws RegistryStoreException if the store cannot be reached or read
     */
    void start(Consumer<StoreRecord> replay);

    /**
     * Persists one record; returns only once it is durable.
     *
     * @throws RegistryStoreException if the record could not be persisted (it then must not be applied)
     */
    void append(StoreRecord record);

    /** Where the records live, for logs and error messages, e.g. {@code kafka topic '_schemas' at host:9092}. */
    String describe();

    /** Releases connections; idempotent. */
    @Override
    void close();
}
