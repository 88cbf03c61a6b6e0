package io.shadowfeed.trainer.artifact;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** A manifest written in a format this reader does not know, typically by a newer trainer. */
public final class UnsupportedFormatVersionException extends ArtifactException {

    private static final long serialVersionUID = 1L;

    private final int formatVersion;

    public UnsupportedFormatVersionException(Path manifest, int formatVersion, Set<Integer> supported) {
        super(manifest + " has format_version " + formatVersion + "; this reader supports format versions "
                + new TreeSet<>(supported) + ". Load it with a Shadowfeed release that supports format "
                + formatVersion + ", or retrain the table with this one");
        this.formatVersion = formatVersion;
    }

    /** The format version found in the manifest. */
    public int formatVersion() {
        return formatVersion;
    }
}
