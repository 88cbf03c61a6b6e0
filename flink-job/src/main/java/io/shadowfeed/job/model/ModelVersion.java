package io.shadowfeed.job.model;

import io.shadowfeed.trainer.artifact.ArtifactVersion;

import java.io.Serializable;
import java.util.Objects;

/**
 * One event of the {@code synth.models} topic: a table's model version was published. The topic is compacted by
 * table, so a job that starts reads the newest version of every table.
 *
 * @param table the table the model generates
 * @param version the artifact version number
 * @param location the artifact version's directory
 * @param schemaFingerprint the fingerprint of the schema the model was trained on ({@code avro:...} or
 *     {@code columns:...})
 * @param gatePassed whether the version passed its quality gate; a job serves only versions that did
 * @param publishedAtMillis when it was published
 */
public record ModelVersion(String table, int version, String location, String schemaFingerprint,
        boolean gatePassed, long publishedAtMillis) implements Serializable {

    public ModelVersion {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(schemaFingerprint, "schemaFingerprint");
        if (version < 1) {
            throw new IllegalArgumentException("a model version number is >= 1. Provided value: " + version);
        }
    }

    /** The event announcing a published artifact version. */
    public static ModelVersion of(ArtifactVersion version) {
        return new ModelVersion(version.table(), version.version(), version.directory().toAbsolutePath().toString(),
                version.manifest().schemaFingerprint(), version.manifest().gatePassed(),
                version.manifest().createdAt().toEpochMilli());
    }

    /** What the model-version header says: {@code table/vN}. */
    public String label() {
        return table + "/v" + version;
    }
}
