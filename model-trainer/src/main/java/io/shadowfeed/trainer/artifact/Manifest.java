package io.shadowfeed.trainer.artifact;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code manifest.json} of one artifact version: what the trainer supplied (see {@link ManifestDraft} for those
 * fields) plus what the store records, the table, the version number, when it was published, and each file's size
 * and SHA-256. Persisted as snake_case JSON; {@link #formatVersion()} says which layout.
 */
public record Manifest(
        int formatVersion,
        String table,
        int version,
        Instant createdAt,
        String trainingDataFingerprint,
        String schemaFingerprint,
        List<ManifestColumn> columns,
        JsonNode transformer,
        JsonNode hyperParameters,
        long seed,
        int epochsRun,
        JsonNode lossHistory,
        JsonNode evaluation,
        boolean gatePassed,
        JsonNode gate,
        JsonNode privacy,
        Map<String, String> versions,
        Map<String, FileDigest> files) {

    /** The format this code writes. */
    public static final int CURRENT_FORMAT_VERSION = 1;

    /** The formats this code reads. */
    public static final Set<Integer> SUPPORTED_FORMAT_VERSIONS = Set.of(1);

    public Manifest {
        if (!SUPPORTED_FORMAT_VERSIONS.contains(formatVersion)) {
            throw new IllegalArgumentException("formatVersion must be one of " + SUPPORTED_FORMAT_VERSIONS
                    + ". Provided value: " + formatVersion);
        }
        ArtifactPreconditions.checkTableName(table);
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1. Provided value: " + version);
        }
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        // the draft validates and copies the trainer's fields; one set of rules for both
        ManifestDraft content = new ManifestDraft(trainingDataFingerprint, schemaFingerprint, columns, transformer,
                hyperParameters, seed, epochsRun, lossHistory, evaluation, gatePassed, gate, privacy, versions);
        columns = content.columns();
        transformer = content.transformer();
        hyperParameters = content.hyperParameters();
        lossHistory = content.lossHistory();
        evaluation = content.evaluation();
        gate = content.gate();
        privacy = content.privacy();
        versions = content.versions();
        Objects.requireNonNull(files, "files must not be null");
        files.forEach((name, digest) -> {
            ArtifactPreconditions.checkFileName(name);
            Objects.requireNonNull(digest, () -> "digest of file '" + name + "' must not be null");
        });
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** A manifest in the current format from the trainer's fields and the store's. */
    public static Manifest of(String table, int version, Instant createdAt, ManifestDraft draft,
            Map<String, FileDigest> files) {
        return new Manifest(CURRENT_FORMAT_VERSION, table, version, createdAt, draft.trainingDataFingerprint(),
                draft.schemaFingerprint(), draft.columns(), draft.transformer(), draft.hyperParameters(),
                draft.seed(), draft.epochsRun(), draft.lossHistory(), draft.evaluation(), draft.gatePassed(),
                draft.gate(), draft.privacy(), draft.versions(), files);
    }

    /** The trainer's fields, e.g. to publish them again under a new version. */
    public ManifestDraft draft() {
        return new ManifestDraft(trainingDataFingerprint, schemaFingerprint, columns, transformer, hyperParameters,
                seed, epochsRun, lossHistory, evaluation, gatePassed, gate, privacy, versions);
    }

    // JSON nodes are mutable: hand out copies so the record stays a value

    @Override
    public JsonNode transformer() {
        return transformer.deepCopy();
    }

    @Override
    public JsonNode hyperParameters() {
        return hyperParameters.deepCopy();
    }

    @Override
    public JsonNode lossHistory() {
        return lossHistory.deepCopy();
    }

    @Override
    public JsonNode evaluation() {
        return evaluation.deepCopy();
    }

    @Override
    public JsonNode gate() {
        return gate.deepCopy();
    }

    @Override
    public JsonNode privacy() {
        return privacy.deepCopy();
    }
}
