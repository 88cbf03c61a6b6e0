package io.shadowfeed.avro.registry;

import io.shadowfeed.avro.confluent.compat.AvroSchemaCompatibility;
import io.shadowfeed.avro.confluent.compat.InvalidAvroSchemaException;
import io.shadowfeed.avro.registry.store.RegistryStoreException;
import io.shadowfeed.avro.registry.store.SchemaStore;
import io.shadowfeed.avro.registry.store.StoreRecord;
import io.shadowfeed.avro.registry.store.StoreRecord.SchemaVersion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The registry's operations with Confluent's semantics. Every change runs under one write lock: it is checked
 * against the state, appended to the {@link SchemaStore} (durably), and only then applied to the state, so that
 * concurrent registrations of one schema get one id and clients never see what the store does not hold.
 */
final class SchemaRegistryService {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryService.class);

    /** The result of a registration: the global id, and the version under the subject. */
    record Registration(int id, int version) {}

    private final SchemaStore store;
    private final CompatibilityLevel defaultLevel;
    private final RegistryState state = new RegistryState();
    private final Lock readLock;
    private final Lock writeLock;

    SchemaRegistryService(SchemaStore store, CompatibilityLevel defaultLevel) {
        this.store = Objects.requireNonNull(store, "store");
        this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel");
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        this.readLock = lock.readLock();
        this.writeLock = lock.writeLock();
    }

    /** Rebuilds the state from the store. */
    void start() {
        write(() -> {
            store.start(state::apply);
            return null;
        });
    }

    // ---------------------------------------------------------------- subjects and versions

    Registration register(String subject, SchemaRequest request) {
        String schema = canonical(request);
        return write(() -> {
            List<SchemaVersion> live = state.versions(subject, false);
            for (SchemaVersion existing : live) {
                if (existing.schema().equals(schema)) {
                    requireIdMatches(subject, request, existing.id());
                    return new Registration(existing.id(), existing.version());
                }
            }
            int id = state.id(schema).orElse(state.maxId() + 1);
            requireIdMatches(subject, request, id);
            CompatibilityLevel level = effectiveLevel(subject);
            List<String> problems = CompatibilityChecker.check(level, schema, live);
            if (!problems.isEmpty()) {
                LOG.info("Rejected a schema for subject={}: incompatible with level {} ({} problems)",
                        subject, level, problems.size());
                throw RegistryErrors.incompatibleSchema(subject, problems);
            }
            int version = state.highestVersion(subject) + 1;
            persist(new SchemaVersion(subject, version, id, StoreRecord.AVRO, schema, false));
            LOG.info("Registered schema id={} as subject={} version={}", id, subject, version);
            return new Registration(id, version);
        });
    }

    SchemaVersion lookup(String subject, SchemaRequest request, boolean includeDeleted) {
        String schema = canonical(request);
        return read(() -> {
            List<SchemaVersion> versions = visibleVersions(subject, includeDeleted);
            SchemaVersion found = null;
            for (SchemaVersion version : versions) {
                if (version.schema().equals(schema) && (found == null || found.deleted() || !version.deleted())) {
                    found = version;
                }
            }
            if (found == null) {
                throw RegistryErrors.schemaNotFound();
            }
            return found;
        });
    }

    List<String> subjects(boolean includeDeleted, String prefix) {
        return read(() -> {
            List<String> subjects = new ArrayList<>();
            for (String subject : state.subjects(includeDeleted)) {
                if (prefix == null || subject.startsWith(prefix)) {
                    subjects.add(subject);
                }
            }
            return subjects;
        });
    }

    List<Integer> versions(String subject, boolean includeDeleted) {
        return read(() -> visibleVersions(subject, includeDeleted).stream().map(SchemaVersion::version).toList());
    }

    SchemaVersion version(String subject, VersionId versionId, boolean includeDeleted) {
        return read(() -> {
            List<SchemaVersion> versions = visibleVersions(subject, includeDeleted);
            if (versionId.isLatest()) {
                return versions.get(versions.size() - 1);
            }
            return versions.stream()
                    .filter(v -> v.version() == versionId.number())
                    .findFirst()
                    .orElseThrow(() -> RegistryErrors.versionNotFound(versionId.number()));
        });
    }

    /** All versions of all subjects (or the latest of each), for {@code GET /schemas}. */
    List<SchemaVersion> allVersions(String prefix, boolean includeDeleted, boolean latestOnly) {
        return read(() -> {
            List<SchemaVersion> result = new ArrayList<>();
            for (String subject : state.subjects(includeDeleted)) {
                if (prefix != null && !subject.startsWith(prefix)) {
                    continue;
                }
                List<SchemaVersion> versions = state.versions(subject, includeDeleted);
                result.addAll(latestOnly ? versions.subList(versions.size() - 1, versions.size()) : versions);
            }
            return result;
        });
    }

    List<Integer> deleteSubject(String subject, boolean permanent) {
        return write(() -> {
            List<SchemaVersion> all = state.versions(subject, true);
            List<SchemaVersion> live = state.versions(subject, false);
            if (all.isEmpty()) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            if (!permanent) {
                if (live.isEmpty()) {
                    throw RegistryErrors.subjectSoftDeleted(subject);
                }
                persist(new StoreRecord.SubjectDeletion(subject, state.highestVersion(subject)));
                List<Integer> deleted = live.stream().map(SchemaVersion::version).toList();
                LOG.info("Soft-deleted subject={} versions={}", subject, deleted);
                return deleted;
            }
            if (!live.isEmpty()) {
                throw RegistryErrors.subjectNotSoftDeleted(subject);
            }
            for (SchemaVersion version : all) {
                persist(new StoreRecord.SchemaVersionTombstone(subject, version.version()));
            }
            List<Integer> deleted = all.stream().map(SchemaVersion::version).toList();
            LOG.info("Permanently deleted subject={} versions={}", subject, deleted);
            return deleted;
        });
    }

    int deleteVersion(String subject, VersionId versionId, boolean permanent) {
        return write(() -> {
            List<SchemaVersion> all = state.versions(subject, true);
            if (all.isEmpty()) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            // a soft delete of "latest" means the latest live version; otherwise deleted versions count too,
            // so that deleting one twice says so (40406) instead of "not found"
            SchemaVersion target = versionId.isLatest() && !permanent
                    ? resolve(subject, versionId, state.versions(subject, false))
                    : resolve(subject, versionId, all);
            if (!permanent) {
                if (target.deleted()) {
                    throw RegistryErrors.versionSoftDeleted(subject, target.version());
                }
                persist(target.asDeleted());
                LOG.info("Soft-deleted subject={} version={}", subject, target.version());
            } else {
                if (!target.deleted()) {
                    throw RegistryErrors.versionNotSoftDeleted(subject, target.version());
                }
                persist(new StoreRecord.SchemaVersionTombstone(subject, target.version()));
                LOG.info("Permanently deleted subject={} version={}", subject, target.version());
            }
            return target.version();
        });
    }

    // ---------------------------------------------------------------- schemas by id

    String schemaById(int id) {
        return read(() -> state.schema(id).orElseThrow(() -> RegistryErrors.schemaNotFound(id)));
    }

    List<SchemaVersion> versionsById(int id, boolean includeDeleted) {
        return read(() -> {
            if (state.schema(id).isEmpty()) {
                throw RegistryErrors.schemaNotFound(id);
            }
            return state.versionsWithId(id, includeDeleted);
        });
    }

    // ---------------------------------------------------------------- compatibility

    /**
     * Why the schema may not follow the subject's versions; empty if it may. With a version, against that version
     * only (latest: none yet is fine); without, against the live versions as the level says.
     */
    List<String> checkCompatibility(String subject, SchemaRequest request, VersionId versionId) {
        String schema = canonical(request);
        return read(() -> {
            CompatibilityLevel level = effectiveLevel(subject);
            List<SchemaVersion> live = state.versions(subject, false);
            if (versionId == null) {
                return CompatibilityChecker.check(level, schema, live);
            }
            if (versionId.isLatest()) {
                return live.isEmpty()
                        ? List.of()
                        : CompatibilityChecker.check(level, schema, List.of(live.get(live.size() - 1)));
            }
            if (state.versions(subject, true).isEmpty()) {
                throw RegistryErrors.subjectNotFound(subject);
            }
            SchemaVersion target = live.stream()
                    .filter(v -> v.version() == versionId.number())
                    .findFirst()
                    .orElseThrow(() -> RegistryErrors.versionNotFound(versionId.number()));
            return CompatibilityChecker.check(level, schema, List.of(target));
        });
    }

    // ---------------------------------------------------------------- configuration

    CompatibilityLevel globalLevel() {
        return read(() -> state.globalLevel().orElse(defaultLevel));
    }

    void setGlobalLevel(CompatibilityLevel level) {
        write(() -> {
            persist(new StoreRecord.CompatibilityConfig(null, level.name()));
            LOG.info("Set the global compatibility level to {}", level);
            return null;
        });
    }

    /** Resets the global level to the server's default; returns the level it had. */
    CompatibilityLevel deleteGlobalLevel() {
        return write(() -> {
            CompatibilityLevel previous = state.globalLevel().orElse(defaultLevel);
            persist(new StoreRecord.CompatibilityConfig(null, null));
            LOG.info("Reset the global compatibility level to the default {}", defaultLevel);
            return previous;
        });
    }

    CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        return read(() -> {
            Optional<CompatibilityLevel> level = state.subjectLevel(subject);
            if (level.isPresent()) {
                return level.get();
            }
            if (defaultToGlobal) {
                return state.globalLevel().orElse(defaultLevel);
            }
            throw RegistryErrors.subjectCompatibilityNotConfigured(subject);
        });
    }

    void setSubjectLevel(String subject, CompatibilityLevel level) {
        write(() -> {
            persist(new StoreRecord.CompatibilityConfig(subject, level.name()));
            LOG.info("Set the compatibility level of subject={} to {}", subject, level);
            return null;
        });
    }

    /** Removes a subject's own level; returns the level it had. */
    CompatibilityLevel deleteSubjectLevel(String subject) {
        return write(() -> {
            CompatibilityLevel previous = state.subjectLevel(subject)
                    .orElseThrow(() -> RegistryErrors.subjectCompatibilityNotConfigured(subject));
            persist(new StoreRecord.CompatibilityConfig(subject, null));
            LOG.info("Removed the compatibility level of subject={} (was {})", subject, previous);
            return previous;
        });
    }

    // ---------------------------------------------------------------- helpers

    private CompatibilityLevel effectiveLevel(String subject) {
        return state.subjectLevel(subject).or(state::globalLevel).orElse(defaultLevel);
    }

    private List<SchemaVersion> visibleVersions(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryErrors.subjectNotFound(subject);
        }
        return versions;
    }

    private static SchemaVersion resolve(String subject, VersionId versionId, List<SchemaVersion> candidates) {
        if (versionId.isLatest()) {
            if (candidates.isEmpty()) {
                throw RegistryErrors.versionNotFound(versionId);
            }
            return candidates.get(candidates.size() - 1);
        }
        return candidates.stream()
                .filter(v -> v.version() == versionId.number())
                .findFirst()
                .orElseThrow(() -> RegistryErrors.versionNotFound(versionId.number()));
    }

    private static String canonical(SchemaRequest request) {
        if (request.schemaType() != null && !request.schemaType().equalsIgnoreCase(StoreRecord.AVRO)) {
            throw RegistryErrors.unsupportedSchemaType(request.schemaType());
        }
        if (request.referenceCount() > 0) {
            throw RegistryErrors.invalidSchema("schema references are not supported by this registry; "
                    + "inline the referenced types");
        }
        try {
            return AvroSchemaCompatibility.canonicalForm(request.schema());
        } catch (InvalidAvroSchemaException e) {
            throw RegistryErrors.invalidSchema(e.getMessage());
        }
    }

    private static void requireIdMatches(String subject, SchemaRequest request, int id) {
        if (request.id() != null && request.id() != id) {
            throw RegistryErrors.operationNotPermitted("Subject '" + subject + "' is not in import mode; "
                    + "this schema gets id " + id + ", not the requested " + request.id());
        }
    }

    private void persist(StoreRecord record) {
        try {
            store.append(record);
        } catch (RegistryStoreException e) {
            LOG.error("Could not write to {}", store.describe(), e);
            throw RegistryErrors.storeError("Error while writing to the schema store: " + e.getMessage());
        }
        state.apply(record);
    }

    private <T> T read(Supplier<T> operation) {
        readLock.lock();
        try {
            return operation.get();
        } finally {
            readLock.unlock();
        }
    }

    private <T> T write(Supplier<T> operation) {
        writeLock.lock();
        try {
            return operation.get();
        } finally {
            writeLock.unlock();
        }
    }
}
