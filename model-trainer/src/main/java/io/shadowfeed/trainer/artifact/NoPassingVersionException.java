package io.shadowfeed.trainer.artifact;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.Collectors;

/** A table has versions, but none passed the quality gate, so there is no model to serve. */
public final class NoPassingVersionException extends ArtifactException {

    private static final long serialVersionUID = 1L;

    private final String table;

    public NoPassingVersionException(String table, List<ArtifactVersion> versions) {
        super("no version of table " + table + " passed the quality gate; versions "
                + versions.stream().map(NoPassingVersionException::describe).collect(Collectors.joining(", "))
                + ". Retrain (more epochs or data, other hyper-parameters) or name a version explicitly");
        this.table = table;
    }

    public String table() {
        return table;
    }

    private static String describe(ArtifactVersion version) {
        JsonNode summary = version.manifest().gate().get("summary");
        String why = summary != null && summary.isTextual() ? "failed: " + summary.asText() : "failed";
        return "v" + version.version() + " (" + why + ")";
    }
}
