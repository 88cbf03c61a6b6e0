package io.shadowfeed.avro.registry;

import io.shadowfeed.avro.registry.store.StoreRecord;
import io.shadowfeed.avro.registry.store.StoreRecord.SchemaVersion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's state, rebuilt by applying {@link StoreRecord}s in order: subjects and their versions, schemas by
 * global id, compatibility settings. Not thread-safe: {@link SchemaRegistryService} guards it.
 */
final class RegistryState {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryState.class);

    private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    void apply(StoreRecord record) {
        if (record instanceof SchemaVersion version) {
            applyVersion(version);
        } else if (record instanceof StoreRecord.SchemaVersionTombstone tombstone) {
            applyTombstone(tombstone);
        } else if (record instanceof StoreRecord.CompatibilityConfig config) {
            applyConfig(config);
        } else if (record instanceof StoreRecord.SubjectDeletion deletion) {
            applySubjectDeletion(deletion);
        }
    }

    /** The versions of a subject, oldest first; soft-deleted ones only if asked for. */
    List<SchemaVersion> versions(String subject, boolean includeDeleted) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        List<SchemaVersion> result = new ArrayList<>();
        for (SchemaVersion version : versions.values()) {
            if (includeDeleted || !version.deleted()) {
                result.add(version);
            }
        }
        return result;
    }

    Optional<SchemaVersion> version(String subject, int version) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** The highest version a subject ever had that is still stored (soft-deleted ones included); 0 if none. */
    int highestVersion(String subject) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
    }

    /** Subjects in name order that have at least one version (a live one unless {@code includeDeleted}). */
    List<String> subjects(boolean includeDeleted) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, NavigableMap<Integer, SchemaVersion>> entry : subjects.entrySet()) {
            if (includeDeleted || entry.getValue().values().stream().anyMatch(v -> !v.deleted())) {
                result.add(entry.getKey());
            }
        }
        return result;
    }

    /** Every version of every subject that uses a schema id, by subject and version. */
    List<SchemaVersion> versionsWithId(int id, boolean includeDeleted) {
        List<SchemaVersion> result = new ArrayList<>();
        for (NavigableMap<Integer, SchemaVersion> versions : subjects.values()) {
            for (SchemaVersion version : versions.values()) {
                if (version.id() == id && (includeDeleted || !version.deleted())) {
                    result.add(version);
                }
            }
        }
        return result;
    }

    Optional<String> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    Optional<Integer> id(String canonicalSchema) {
        return Optional.ofNullable(idsBySchema.get(canonicalSchema));
    }

    int maxId() {
        return maxId;
    }

    Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    private void applyVersion(SchemaVersion version) {
        maxId = Math.max(maxId, version.id());
        if (!version.isAvro()) {
            LOG.warn("Skipping {} schema id={} of subject={} version={}: this registry serves AVRO only",
                    version.schemaType(), version.id(), version.subject(), version.version());
            return;
        }
        subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>()).put(version.version(), version);
        schemasById.putIfAbsent(version.id(), version.schema());
        idsBySchema.putIfAbsent(version.schema(), version.id());
    }

    private void applyTombstone(StoreRecord.SchemaVersionTombstone tombstone) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(tombstone.subject());
        if (versions == null) {
            return;
        }
        SchemaVersion removed = versions.remove(tombstone.version());
        if (versions.isEmpty()) {
            subjects.remove(tombstone.subject());
        }
        if (removed != null && versionsWithId(removed.id(), true).isEmpty()) {
            schemasById.remove(removed.id());
            idsBySchema.remove(removed.schema(), removed.id());
        }
    }

    private void applyConfig(StoreRecord.CompatibilityConfig config) {
        CompatibilityLevel level = null;
        if (config.compatibilityLevel() != null) {
            level = CompatibilityLevel.forName(config.compatibilityLevel()).orElse(null);
            if (level == null) {
                LOG.warn("Ignoring unknown compatibility level '{}' for {}", config.compatibilityLevel(),
                        config.isGlobal() ? "the global config" : "subject " + config.subject());
                return;
            }
        }
        if (config.isGlobal()) {
            globalLevel = level;
        } else if (level == null) {
            subjectLevels.remove(config.subject());
        } else {
            subjectLevels.put(config.subject(), level);
        }
    }

    private void applySubjectDeletion(StoreRecord.SubjectDeletion deletion) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(deletion.subject());
        if (versions == null) {
            return;
        }
        for (SchemaVersion version : new ArrayList<>(versions.headMap(deletion.version(), true).values())) {
            versions.put(version.version(), version.asDeleted());
        }
    }
}
