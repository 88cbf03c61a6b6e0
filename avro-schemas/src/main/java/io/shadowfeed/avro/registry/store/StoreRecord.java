package io.shadowfeed.avro.registry.store;

/**
 * One change of the registry's state, as written to a {@link SchemaStore}. Replaying every record in order
 * rebuilds the state; a later record for the same {@link #key()} supersedes an earlier one (the Kafka store relies
 * on this for log compaction).
 */
public sealed interface StoreRecord
        permits StoreRecord.SchemaVersion,
                StoreRecord.SchemaVersionTombstone,
                StoreRecord.CompatibilityConfig,
                StoreRecord.SubjectDeletion {

    /** The identity of what this record sets; records with equal keys overwrite each other. */
    String key();

    /** The schema type of Avro schemas; the only type this registry serves. */
    String AVRO = "AVRO";

    /**
     * A version of a subject: registered, or (with {@code deleted}) soft-deleted.
     *
     * @param schemaType {@code AVRO}; other types can only appear in a topic written by another registry and are
     *     kept out of the registry's API, but their ids are never reused
     */
    record SchemaVersion(String subject, int version, int id, String schemaType, String schema, boolean deleted)
            implements StoreRecord {

        public SchemaVersion {
            StoreRecords.requireSubject(subject);
            StoreRecords.requirePositive("version", version);
            StoreRecords.requirePositive("id", id);
            schemaType = schemaType == null ? AVRO : schemaType;
            if (schema == null) {
                throw new IllegalArgumentException("schema must not be null");
            }
        }

        public boolean isAvro() {
            return AVRO.equals(schemaType);
        }

        public SchemaVersion asDeleted() {
            return new SchemaVersion(subject, version, id, schemaType, schema, true);
        }

        @Override
        public String key() {
            return StoreRecords.schemaKey(subject, version);
        }
    }

    /** A version of a subject deleted permanently. */
    record SchemaVersionTombstone(String subject, int version) implements StoreRecord {

        public SchemaVersionTombstone {
            StoreRecords.requireSubject(subject);
            StoreRecords.requirePositive("version", version);
        }

        @Override
        public String key() {
            return StoreRecords.schemaKey(subject, version);
        }
    }

    /**
     * The compatibility level of one subject, or the global one when {@code subject} is null; a null
     * {@code compatibilityLevel} removes the setting.
     */
    record CompatibilityConfig(String subject, String compatibilityLevel) implements StoreRecord {

        public CompatibilityConfig {
            if (subject != null) {
                StoreRecords.requireSubject(subject);
            }
        }

        public boolean isGlobal() {
            return subject == null;
        }

        @Override
        public String key() {
            return "CONFIG/" + (subject == null ? "" : "subject/" + subject);
        }
    }

    /** A soft deletion of a whole subject: every version up to and including {@code version} is deleted. */
    record SubjectDeletion(String subject, int version) implements StoreRecord {

        public SubjectDeletion {
            StoreRecords.requireSubject(subject);
            StoreRecords.requirePositive("version", version);
        }

        @Override
        public String key() {
            return "DELETE_SUBJECT/" + subject;
        }
    }
}
