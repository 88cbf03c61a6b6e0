package io.shadowfeed.privacy.dp.ledger;

import java.util.List;

/**
 * Where one dataset's ledger records are kept. Implementations: a local JSON-lines file
 * ({@code store.FileLedgerStore}) and the compacted Kafka topic {@code synth.privacy-ledger}
 * ({@code store.KafkaLedgerStore}).
 *
 * <p>A store is opened once, for one dataset, then appended to by one {@link PrivacyLedger}; a writable store keeps
 * other writers of the same dataset out (a file lock, a fenced Kafka producer), so that no two ledgers can grant
 * charges against the same budget at once.
 */
public interface LedgerStore extends AutoCloseable {

    /**
     * Opens the store for {@code dataset} and returns every record it holds for it, in any order. Throws
     * {@link LedgerCorruptedException} for records that cannot be read and {@link LedgerStoreException} when the
     * store cannot be reached or is in use by another writer.
     */
    List<LedgerRecord> open(String dataset);

    /**
     * Writes the record durably (flushed to disk, or acknowledged by all in-sync replicas) and returns only then;
     * throws {@link LedgerStoreException} otherwise, in which case the record may or may not have been written.
     */
    void append(LedgerRecord record);

    /** False for a store opened to read only: {@link #append} then always fails. */
    boolean writable();

    /** Where the records are, for messages: a file path, or a topic and its brokers. */
    String describe();

    @Override
    void close();
}
