package io.shadowfeed.trainer.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The manifest fields a trainer supplies when it publishes; the store adds the table, version, creation time, format
 * version and file checksums to make a {@link Manifest}. The open-ended sections are JSON so that the store stays
 * independent of the model; none of them may hold secrets or training records.
 *
 * @param trainingDataFingerprint e.g. {@link Fingerprints#sha256(java.nio.file.Path)} of the training file
 * @param schemaFingerprint the Avro schema fingerprint or one of the column names and kinds; compared by
 *     {@link ArtifactStore#verifySchema}
 * @param columns the columns in the model's order, at least one, names distinct
 * @param transformer the data transformer's settings
 * @param hyperParameters a JSON object
 * @param lossHistory e.g. {@code {"generator": [..], "critic": [..]}}, one entry per epoch
 * @param evaluation the evaluation report (an empty object when there was none)
 * @param gatePassed whether the quality gate passed; only passing versions are served as "latest"
 * @param gate a JSON object with the gate's checks; its optional {@code passed} must agree with {@code gatePassed},
 *     its optional text {@code summary} is quoted when no version passed
 * @param privacy differential-privacy accounting of the training, {@link NullNode} when it was not private
 * @param versions component versions (e.g. shadowfeed, djl, pytorch, java), sorted by name
 */
public record ManifestDraft(
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
        Map<String, String> versions) {

    public ManifestDraft {
        requireText(trainingDataFingerprint, "trainingDataFingerprint");
        requireText(schemaFingerprint, "schemaFingerprint");
        Objects.requireNonNull(columns, "columns must not be null");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns must not be empty");
        }
        columns = List.copyOf(columns);
        Set<String> names = new HashSet<>();
        for (ManifestColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column '" + column.name() + "' appears twice in columns");
            }
        }
        transformer = copy(transformer, "transformer");
        hyperParameters = copy(hyperParameters, "hyperParameters");
        if (!hyperParameters.isObject()) {
            throw new IllegalArgumentException("hyperParameters must be a JSON object. Provided value type: "
                    + hyperParameters.getNodeType());
        }
        if (epochsRun < 0) {
            throw new IllegalArgumentException("epochsRun must be >= 0. Provided value: " + epochsRun);
        }
        lossHistory = copy(lossHistory, "lossHistory");
        evaluation = copy(evaluation, "evaluation");
        gate = copy(gate, "gate");
        if (!gate.isObject()) {
            throw new IllegalArgumentException(
                    "gate must be a JSON object. Provided value type: " + gate.getNodeType());
        }
        JsonNode passed = gate.get("passed");
        if (passed != null && (!passed.isBoolean() || passed.booleanValue() != gatePassed)) {
            throw new IllegalArgumentException("gate.passed (" + passed + ") disagrees with gatePassed ("
                    + gatePassed + ")");
        }
        privacy = privacy == null ? NullNode.getInstance() : privacy.deepCopy();
        Objects.requireNonNull(versions, "versions must not be null");
        versions.forEach((name, value) -> {
            requireText(name, "a versions key");
            requireText(value, "versions['" + name + "']");
        });
        versions = Collections.unmodifiableMap(new TreeMap<>(versions));
    }

    public static Builder builder() {
        return new Builder();
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

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static JsonNode copy(JsonNode node, String name) {
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return node.deepCopy();
    }

    /** {@code setX} for the required fields, {@code optX} for those with a default. */
    public static final class Builder {
        private String trainingDataFingerprint;
        private String schemaFingerprint;
        private List<ManifestColumn> columns;
        private JsonNode transformer;
        private JsonNode hyperParameters;
        private Long seed;
        private Integer epochsRun;
        private JsonNode lossHistory;
        private JsonNode evaluation = JsonNodeFactory.instance.objectNode();
        private Boolean gatePassed;
        private JsonNode gate;
        private JsonNode privacy = NullNode.getInstance();
        private Map<String, String> versions = Map.of();

        private Builder() {}

        public Builder setTrainingDataFingerprint(String trainingDataFingerprint) {
            this.trainingDataFingerprint = trainingDataFingerprint;
            return this;
        }

        public Builder setSchemaFingerprint(String schemaFingerprint) {
            this.schemaFingerprint = schemaFingerprint;
            return this;
        }

        public Builder setColumns(List<ManifestColumn> columns) {
            this.columns = columns;
            return this;
        }

        public Builder setTransformer(JsonNode transformer) {
            this.transformer = transformer;
            return this;
        }

        public Builder setHyperParameters(JsonNode hyperParameters) {
            this.hyperParameters = hyperParameters;
            return this;
        }

        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder setEpochsRun(int epochsRun) {
            this.epochsRun = epochsRun;
            return this;
        }

        public Builder setLossHistory(JsonNode lossHistory) {
            this.lossHistory = lossHistory;
            return this;
        }

        /** The gate's verdict and its details (a JSON object, see {@link ManifestDraft#gate()}). */
        public Builder setGate(boolean passed, JsonNode details) {
            this.gatePassed = passed;
            this.gate = details;
            return this;
        }

        /** Default: an empty object. */
        public Builder optEvaluation(JsonNode evaluation) {
            this.evaluation = evaluation;
            return this;
        }

        /** Default: JSON null (training was not differentially private). */
        public Builder optPrivacy(JsonNode privacy) {
            this.privacy = privacy;
            return this;
        }

        /** Default: none. */
        public Builder optVersions(Map<String, String> versions) {
            this.versions = versions;
            return this;
        }

        public ManifestDraft build() {
            require(trainingDataFingerprint, "trainingDataFingerprint", "setTrainingDataFingerprint");
            require(schemaFingerprint, "schemaFingerprint", "setSchemaFingerprint");
            require(columns, "columns", "setColumns");
            require(transformer, "transformer", "setTransformer");
            require(hyperParameters, "hyperParameters", "setHyperParameters");
            require(seed, "seed", "setSeed");
            require(epochsRun, "epochsRun", "setEpochsRun");
            require(lossHistory, "lossHistory", "setLossHistory");
            require(gatePassed, "the gate", "setGate");
            return new ManifestDraft(trainingDataFingerprint, schemaFingerprint, columns, transformer,
                    hyperParameters, seed, epochsRun, lossHistory, evaluation, gatePassed, gate, privacy, versions);
        }

        private static void require(Object value, String name, String setter) {
            if (value == null) {
                throw new IllegalStateException(name + " is required: call " + setter);
            }
        }
    }
}
