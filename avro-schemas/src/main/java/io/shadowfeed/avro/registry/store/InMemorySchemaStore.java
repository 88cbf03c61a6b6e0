package io.shadowfeed.avro.registry.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A store that keeps records in memory only: ids and versions are lost when the JVM ends. For quick local use
 * and tests. Starting it again (for a new server) replays what the previous server wrote.
 */
public final class InMemorySchemaStore implements SchemaStore {

    private final List<StoreRecord> records = new ArrayList<>();

    @Override
    public synchronized void start(Consumer<StoreRecord> replay) {
        Objects.requireNonNull(replay, "replay");
        records.forEach(replay);
    }

    @Override
    public synchronized void append(StoreRecord record) {
        records.add(Objects.requireNonNull(record, "record"));
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {}
}
