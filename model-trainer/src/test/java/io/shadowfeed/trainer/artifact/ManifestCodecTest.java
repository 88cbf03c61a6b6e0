package io.shadowfeed.trainer.artifact;

import static io.shadowfeed.trainer.artifact.ArtifactFixtures.draft;
import static io.shadowfeed.trainer.artifact.ArtifactFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shadowfeed.trainer.data.ColumnKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class ManifestCodecTest {

    @TempDir
    Path directory;

    @Test
    void aManifestRoundTripsThroughSnakeCaseJson() {
        ManifestDraft draft = ManifestDraft.builder()
                .setTrainingDataFingerprint("ab".repeat(32))
                .setSchemaFingerprint("-4213297461185730271")
                .setColumns(List.of(new ManifestColumn("age", ColumnKind.CONTINUOUS, json("{\"modes\": [1, 2]}")),
                        new ManifestColumn("free", ColumnKind.FREE_TEXT)))
                .setTransformer(json("{\"max_modes\": 10, \"nested\": {\"list\": [true, null, \"x\"]}}"))
                .setHyperParameters(json("{\"lr\": 0.0002, \"pac\": 10}"))
                .setSeed(Long.MIN_VALUE)
                .setEpochsRun(300)
                .setLossHistory(json("{\"generator\": [0.5, -1.25], \"critic\": [2.0, 1.0]}"))
                .setGate(false, json("{\"summary\": \"quality 0.71 < 0.80\", \"checks\": []}"))
                .optEvaluation(json("[1, 2, 3]"))
                .optPrivacy(json("{\"epsilon\": 3.0, \"delta\": 1.0E-5}"))
                .optVersions(Map.of("djl", "0.31.0", "pytorch", "2.5.1"))
                .build();
        Manifest manifest = Manifest.of("customers", 12, Instant.parse("2024-05-01T12:00:00.250Z"), draft,
                Map.of("b.bin", new FileDigest("cd".repeat(32), 0), "a.json", new FileDigest("ef".repeat(32), 9)));

        byte[] written = ManifestCodec.write(manifest);

        assertThat(ManifestCodec.parse(written, directory)).isEqualTo(manifest);
        JsonNode tree = json(new String(written, StandardCharsets.UTF_8));
        List<String> fields = new ArrayList<>();
        tree.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("format_version", "table", "version", "created_at",
                "training_data_fingerprint", "schema_fingerprint", "columns", "transformer", "hyper_parameters",
                "seed", "epochs_run", "loss_history", "evaluation", "gate_passed", "gate", "privacy", "versions",
                "files");
        assertThat(tree.get("created_at").asText()).isEqualTo("2024-05-01T12:00:00.250Z");
        assertThat(tree.get("columns").get(1).get("kind").asText()).isEqualTo("free_text");
        assertThat(tree.get("seed").longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(tree.get("gate_passed").booleanValue()).isFalse();
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\n  \"table\" : \"customers\"");
    }

    @Test
    void withoutPrivacyTheFieldIsJsonNull() {
        Manifest manifest = Manifest.of("customers", 1, Instant.EPOCH, draft(true, null), Map.of());

        JsonNode tree = json(new String(ManifestCodec.write(manifest), StandardCharsets.UTF_8));

        assertThat(tree.get("privacy").isNull()).isTrue();
        assertThat(ManifestCodec.parse(ManifestCodec.write(manifest), directory).privacy().isNull()).isTrue();
    }

    @Test
    void formatVersion1FixtureStillLoads() {
        ArtifactVersion version = ArtifactStore.open(ArtifactFixtures.formatVersion1Fixture());

        Manifest manifest = version.manifest();
        assertThat(version.label()).isEqualTo("customers/v1");
        assertThat(manifest.formatVersion()).isEqualTo(1);
        assertThat(manifest.createdAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00.250Z"));
        assertThat(manifest.schemaFingerprint()).isEqualTo("-4213297461185730271");
        assertThat(manifest.columns()).extracting(ManifestColumn::name, ManifestColumn::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("age", ColumnKind.CONTINUOUS),
                org.assertj.core.groups.Tuple.tuple("workclass", ColumnKind.DISCRETE),
                org.assertj.core.groups.Tuple.tuple("customer_id", ColumnKind.IDENTIFIER));
        assertThat(manifest.columns().get(1).profile().get("categories")).hasSize(3);
        assertThat(manifest.hyperParameters().get("batch_size").intValue()).isEqualTo(500);
        assertThat(manifest.seed()).isEqualTo(20240501L);
        assertThat(manifest.epochsRun()).isEqualTo(3);
        assertThat(manifest.lossHistory().get("critic")).hasSize(3);
        assertThat(manifest.gatePassed()).isTrue();
        assertThat(manifest.privacy().isNull()).isTrue();
        assertThat(manifest.versions()).containsEntry("djl", "0.31.0").hasSize(4);
        assertThat(manifest.files()).containsOnlyKeys("generator.params", "transformer.json");
        assertThat(manifest.files().get("generator.params").bytes()).isEqualTo(39);
    }

    @Test
    void anUnsupportedFormatVersionSaysWhichAreSupported() throws IOException {
        writeFixtureManifest(tree -> tree.put("format_version", 2));

        assertThatThrownBy(() -> ManifestCodec.read(directory))
                .isInstanceOfSatisfying(UnsupportedFormatVersionException.class,
                        e -> assertThat(e.formatVersion()).isEqualTo(2))
                .hasMessageContaining("has format_version 2; this reader supports format versions [1]");
    }

    @Test
    void aMissingFieldIsReportedAsACorruptManifest() throws IOException {
        writeFixtureManifest(tree -> tree.remove("gate"));

        assertThatThrownBy(() -> ManifestCodec.read(directory))
                .isInstanceOfSatisfying(ArtifactCorruptedException.class,
                        e -> assertThat(e.file()).isEqualTo("manifest.json"))
                .hasMessageContaining("manifest.json lacks field 'gate'");
    }

    @Test
    void anUnknownColumnKindIsReported() throws IOException {
        writeFixtureManifest(tree -> ((ObjectNode) tree.get("columns").get(0)).put("kind", "vector"));

        assertThatThrownBy(() -> ManifestCodec.read(directory))
                .isInstanceOf(ArtifactCorruptedException.class)
                .hasMessageContaining("field 'columns[0].kind' is 'vector'");
    }

    @Test
    void invalidJsonIsReportedWithItsPosition() throws IOException {
        Files.writeString(directory.resolve("manifest.json"), "{\n  \"format_version\" : 1,\n  oops");

        assertThatThrownBy(() -> ManifestCodec.read(directory))
                .isInstanceOf(ArtifactCorruptedException.class)
                .hasMessageContaining("manifest.json is not valid JSON at line 3");
    }

    @Test
    void aMissingManifestIsReported() {
        assertThatThrownBy(() -> ManifestCodec.read(directory))
                .isInstanceOf(ArtifactCorruptedException.class)
                .hasMessageContaining("manifest.json is missing");
    }

    private void writeFixtureManifest(java.util.function.Consumer<ObjectNode> change) throws IOException {
        Path fixture = ArtifactFixtures.formatVersion1Fixture().resolve("manifest.json");
        ObjectNode tree = (ObjectNode) json(Files.readString(fixture));
        change.accept(tree);
        Files.writeString(directory.resolve("manifest.json"), tree.toPrettyString());
    }
}
