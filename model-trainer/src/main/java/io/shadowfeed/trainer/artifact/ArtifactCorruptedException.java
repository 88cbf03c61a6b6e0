package io.shadowfeed.trainer.artifact;

import java.nio.file.Path;

/**
 * A version directory does not hold what its manifest says: a file is missing, has another size or checksum, is not
 * listed, or the manifest itself cannot be read. The artifact must not be served; publish a new version.
 */
public final class ArtifactCorruptedException extends ArtifactException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;
    private final String file;

    public ArtifactCorruptedException(Path directory, String file, String problem) {
        super("artifact " + directory + " is corrupted: " + file + " " + problem
                + "; the version must not be used: publish a new one (or restore this directory from a backup)");
        this.directory = directory;
        this.file = file;
    }

    public ArtifactCorruptedException(Path directory, String file, String problem, Throwable cause) {
        super("artifact " + directory + " is corrupted: " + file + " " + problem
                + "; the version must not be used: publish a new one (or restore this directory from a backup)",
                cause);
        this.directory = directory;
        this.file = file;
    }

    /** The version directory. */
    public Path directory() {
        return directory;
    }

    /** The file at fault, relative to the version directory ({@code manifest.json} when the manifest is). */
    public String file() {
        return file;
    }
}
