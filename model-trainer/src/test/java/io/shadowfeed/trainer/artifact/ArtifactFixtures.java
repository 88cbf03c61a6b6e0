package io.shadowfeed.trainer.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.trainer.data.ColumnKind;

import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Drafts and files for the artifact tests. */
final class ArtifactFixtures {

    static final String SCHEMA = "schema-fp-1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArtifactFixtures() {}

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A draft whose gate passed or failed, with an optional gate summary. */
    static ManifestDraft draft(boolean passed, String summary) {
        String gate = "{\"passed\": " + passed + (summary == null ? "" : ", \"summary\": \"" + summary + "\"")
                + ", \"checks\": [{\"name\": \"quality\", \"passed\": " + passed + "}]}";
        return ManifestDraft.builder()
                .setTrainingDataFingerprint(Fingerprints.sha256("age,workclass\n".getBytes()))
                .setSchemaFingerprint(SCHEMA)
                .setColumns(List.of(
                        new ManifestColumn("age", ColumnKind.CONTINUOUS, json("{\"missing_fraction\": 0.0}")),
                        new ManifestColumn("workclass", ColumnKind.DISCRETE)))
                .setTransformer(json("{\"max_modes\": 10}"))
                .setHyperParameters(json("{\"batch_size\": 500, \"generator_lr\": 0.0002}"))
                .setSeed(42)
                .setEpochsRun(3)
                .setLossHistory(json("{\"generator\": [1.5, 0.5, 0.25], \"critic\": [-1.0, -0.5, -0.25]}"))
                .setGate(passed, json(gate))
                .optEvaluation(json("{\"quality\": 0.9}"))
                .optVersions(Map.of("shadowfeed", "0.1.0", "java", "17"))
                .build();
    }

    static Map<String, ArtifactFile> files(String generatorContent) {
        return Map.of(
                "generator.params", ArtifactFile.ofString(generatorContent),
                "transformer.json", ArtifactFile.ofJson(json("{\"columns\": [\"age\", \"workclass\"]}")));
    }

    /** The checked-in version directory in manifest format 1. */
    static Path formatVersion1Fixture() {
        try {
            return Path.of(ArtifactFixtures.class.getResource("/artifact-fixtures/format-v1/customers/v1").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
