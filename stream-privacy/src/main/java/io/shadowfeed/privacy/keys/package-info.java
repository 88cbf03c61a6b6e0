/**
 * Pseudonymization and encryption keys, by id.
 *
 * <p>A {@link io.shadowfeed.privacy.keys.KeyProvider} says where keys come from (a JSON file that must not be
 * world-readable, environment variables, or, for local demos only, a development passphrase) and loads a
 * {@link io.shadowfeed.privacy.keys.KeyRing}: the keys by id and the active id. Rotation adds a key under a new id
 * and makes it active; old ids stay so older data can still be read.
 *
 * <p>How keys reach a Flink task: policies hold a {@link io.shadowfeed.privacy.keys.KeyReference} (provider + key
 * id), which is serializable and carries no secret; the job graph therefore holds file paths and variable names only.
 * On the task manager the reference resolves the key on first use (or in the operator's {@code open()}), from the
 * file or environment there, and keeps it in transient fields. {@link io.shadowfeed.privacy.keys.KeyRing} and
 * {@link io.shadowfeed.privacy.keys.KeyMaterial} are deliberately not serializable, so a key captured by mistake fails
 * the job submission instead of leaking into the graph. Their {@code toString()} and every exception message name ids
 * and sources, never material.
 */
package io.shadowfeed.privacy.keys;
