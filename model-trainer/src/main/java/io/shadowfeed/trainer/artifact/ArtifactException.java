package io.shadowfeed.trainer.artifact;

/**
 * The artifact store could not publish or load a model. Messages name tables, versions, files and fingerprints, never
 * training data.
 */
public class ArtifactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
