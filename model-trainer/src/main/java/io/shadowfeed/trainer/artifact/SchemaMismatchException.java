package io.shadowfeed.trainer.artifact;

/** An artifact was trained on another schema than the one the data now has. */
public final class SchemaMismatchException extends ArtifactException {

    private static final long serialVersionUID = 1L;

    private final String trainedOn;
    private final String expected;

    public SchemaMismatchException(String artifact, String trainedOn, String expected) {
        super("artifact " + artifact + " was trained on schema " + trainedOn + " but the stream has " + expected
                + "; retrain the table on the current schema, or serve a version trained on schema " + expected);
        this.trainedOn = trainedOn;
        this.expected = expected;
    }

    /** The schema fingerprint in the artifact's manifest. */
    public String trainedOn() {
        return trainedOn;
    }

    /** The schema fingerprint the caller has. */
    public String expected() {
        return expected;
    }
}
