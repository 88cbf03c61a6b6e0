package io.shadowfeed.trainer.artifact;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One published version of a table's model: where its files lie and what its manifest says. Obtained from {@link
 * ArtifactStore}; {@code latest}, {@code resolve} and {@code open} return versions whose files were verified.
 */
public record ArtifactVersion(String table, int version, Path directory, Manifest manifest) {

    public ArtifactVersion {
        Objects.requireNonNull(directory, "directory must not be null");
        Objects.requireNonNull(manifest, "manifest must not be null");
        if (!manifest.table().equals(table) || manifest.version() != version) {
            throw new IllegalArgumentException("the manifest in " + directory + " describes " + manifest.table()
                    + "/v" + manifest.version() + ", not " + table + "/v" + version);
        }
    }

    /** "table/vN", for messages. */
    public String label() {
        return table + "/v" + version;
    }

    /** The path of a file the manifest lists. */
    public Path file(String name) {
        if (!manifest.files().containsKey(name)) {
            throw new ArtifactNotFoundException("artifact " + label() + " has no file '" + name + "'; its files are "
                    + manifest.files().keySet());
        }
        return directory.resolve(name);
    }
}
