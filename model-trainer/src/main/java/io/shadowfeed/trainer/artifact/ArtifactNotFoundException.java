package io.shadowfeed.trainer.artifact;

/** No artifact where one was asked for: an unknown table, version or directory. */
public final class ArtifactNotFoundException extends ArtifactException {

    private static final long serialVersionUID = 1L;

    public ArtifactNotFoundException(String message) {
        super(message);
    }
}
