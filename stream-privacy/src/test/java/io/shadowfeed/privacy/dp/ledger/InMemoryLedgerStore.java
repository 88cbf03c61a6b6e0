package io.shadowfeed.privacy.dp.ledger;

import java.util.ArrayList;
import java.util.List;

/** A ledger store in memory for unit tests, which can be told to fail its writes. */
final class InMemoryLedgerStore implements LedgerStore {

    private final List<LedgerRecord> records = new ArrayList<>();
    private final boolean writable;
    private boolean failWrites;
    private int appendCalls;
    private boolean closed;

    InMemoryLedgerStore() {
        this(true);
    }

    private InMemoryLedgerStore(boolean writable) {
        this.writable = writable;
    }

    /** A store that holds these records and refuses appends. */
    static InMemoryLedgerStore readOnlyWith(List<LedgerRecord> records) {
        InMemoryLedgerStore store = new InMemoryLedgerStore(false);
        store.records.addAll(records);
        return store;
    }

    /** A new store holding what this one holds, as if the process had restarted. */
    synchronized InMemoryLedgerStore reopened() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        store.records.addAll(records);
        return store;
    }

    synchronized void failWrites(boolean fail) {
        this.failWrites = fail;
    }

    synchronized List<LedgerRecord> records() {
        return List.copyOf(records);
    }

    synchronized int appendCalls() {
        return appendCalls;
    }

    synchronized boolean closed() {
        return closed;
    }

    @Override
    public synchronized List<LedgerRecord> open(String dataset) {
        return List.copyOf(records);
    }

    @Override
    public synchronized void append(LedgerRecord record) {
        appendCalls++;
        if (!writable) {
            throw new LedgerStoreException("read only");
        }
        if (failWrites) {
            throw new LedgerStoreException("disk full (simulated)");
        }
        records.add(record);
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
