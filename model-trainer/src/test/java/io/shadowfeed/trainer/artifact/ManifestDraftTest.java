package io.shadowfeed.trainer.artifact;

import static io.shadowfeed.trainer.artifact.ArtifactFixtures.draft;
import static io.shadowfeed.trainer.artifact.ArtifactFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shadowfeed.trainer.data.ColumnKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

class ManifestDraftTest {

    @Test
    void theBuilderNamesTheMissingSetter() {
        assertThatThrownBy(() -> ManifestDraft.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("trainingDataFingerprint is required: call setTrainingDataFingerprint");
        ManifestDraft.Builder withoutSeed = ManifestDraft.builder()
                .setTrainingDataFingerprint("fp").setSchemaFingerprint("schema")
                .setColumns(List.of(new ManifestColumn("a", ColumnKind.BOOLEAN)))
                .setTransformer(json("{}")).setHyperParameters(json("{}")).setLossHistory(json("{}"));
        assertThatThrownBy(withoutSeed::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("seed is required: call setSeed");
    }

    @Test
    void theGateDetailsMustAgreeWithTheVerdict() {
        ManifestDraft.Builder builder = builderFrom(draft(true, null))
                .setGate(true, json("{\"passed\": false}"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gate.passed (false) disagrees with gatePassed (true)");
    }

    @Test
    void columnsMustBeDistinctAndHyperParametersAnObject() {
        assertThatThrownBy(() -> builderFrom(draft(true, null))
                .setColumns(List.of(new ManifestColumn("a", ColumnKind.BOOLEAN),
                        new ManifestColumn("a", ColumnKind.DISCRETE))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'a' appears twice in columns");
        assertThatThrownBy(() -> builderFrom(draft(true, null)).setHyperParameters(json("[1]")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hyperParameters must be a JSON object");
    }

    @Test
    void jsonSectionsCannotBeChangedFromOutside() {
        ObjectNode transformer = (ObjectNode) json("{\"max_modes\": 10}");
        ManifestDraft draft = builderFrom(draft(true, null)).setTransformer(transformer).build();

        transformer.put("max_modes", 99);
        ((ObjectNode) draft.transformer()).put("max_modes", 98);

        assertThat(draft.transformer().get("max_modes").intValue()).isEqualTo(10);
    }

    @Test
    void aManifestNeedsAPositiveVersionAndASafeTableName() {
        assertThatThrownBy(() -> Manifest.of("customers", 0, Instant.EPOCH, draft(true, null), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version must be >= 1. Provided value: 0");
        assertThatThrownBy(() -> Manifest.of("../x", 1, Instant.EPOCH, draft(true, null), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table name must consist of");
        assertThatThrownBy(() -> Manifest.of("customers", 1, Instant.EPOCH, draft(true, null),
                Map.of("a/b", new FileDigest("00".repeat(32), 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file name must consist of");
    }

    private static ManifestDraft.Builder builderFrom(ManifestDraft draft) {
        return ManifestDraft.builder()
                .setTrainingDataFingerprint(draft.trainingDataFingerprint())
                .setSchemaFingerprint(draft.schemaFingerprint())
                .setColumns(draft.columns())
                .setTransformer(draft.transformer())
                .setHyperParameters(draft.hyperParameters())
                .setSeed(draft.seed())
                .setEpochsRun(draft.epochsRun())
                .setLossHistory(draft.lossHistory())
                .setGate(draft.gatePassed(), draft.gate())
                .optEvaluation(draft.evaluation())
                .optPrivacy(draft.privacy())
                .optVersions(draft.versions());
    }
}
