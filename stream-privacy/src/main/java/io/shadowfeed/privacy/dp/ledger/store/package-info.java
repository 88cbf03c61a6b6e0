/**
 * Where ledgers are kept: {@link io.shadowfeed.privacy.dp.ledger.store.FileLedgerStore} (a local append-only,
 * fsynced JSON-lines file, for the trainer) and {@link io.shadowfeed.privacy.dp.ledger.store.KafkaLedgerStore} (the
 * compacted topic {@code synth.privacy-ledger}, for everything that runs beside the streaming job). Both keep a second
 * writer of the same dataset out.
 */
package io.shadowfeed.privacy.dp.ledger.store;
