package io.shadowfeed.trainer.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.avro.confluent.AvroContainerFiles;
import io.shadowfeed.avro.confluent.AvroSchemas;
import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.trainer.artifact.ArtifactStore;
import io.shadowfeed.trainer.artifact.SchemaMismatchException;
import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.io.CsvTableReader;
import io.shadowfeed.trainer.evaluate.gate.GateThresholds;
import io.shadowfeed.trainer.testutils.TestDatasets;
import io.shadowfeed.trainer.train.CtganConfig;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One table through the whole pipeline, then the same table resumed from its checkpoint. */
class TableTrainingPipelineTest {

    private static Path adultSlice(Path dir, int rows) throws IOException {
        List<String> lines = Files.readAllLines(TestDatasets.file("adult/adult.csv"));
        Path slice = dir.resolve("adult-slice.csv");
        Files.write(slice, lines.subList(0, rows + 1));
        return slice;
    }

    private static TrainingRequest.Builder request(Path data, Path out, int epochs) {
        return TrainingRequest.builder().setData(data).setMetadata(TestDatasets.file("adult/adult.ctgan_metadata.json"))
                .setTable("adult").setOutputRoot(out).setTarget("income")
                .setCtgan(CtganConfig.builder().setEpochs(epochs).setBatchSize(100).setThreads(1).setSeed(5)
                        .setCheckpointEvery(1).build())
                .setGate(GateThresholds.builder().minQuality(0.5).maxDcrShare(0.9).build());
    }

    @Test
    void publishesAVersionWhoseManifestRecordsTheRun(@TempDir Path dir) throws IOException {
        Path data = adultSlice(dir, 2000);
        TrainingOutcome outcome = new TableTrainingPipeline(PipelineListener.silent())
                .run(request(data, dir.resolve("models"), 2).build());

        assertThat(outcome.version().label()).isEqualTo("adult/v1");
        assertThat(outcome.verdict().passed()).isTrue();
        JsonNode manifest = new ObjectMapper().readTree(outcome.version().directory().resolve("manifest.json")
                .toFile());
        assertThat(manifest.get("gate_passed").asBoolean()).isTrue();
        assertThat(manifest.get("epochs_run").asInt()).isEqualTo(2);
        assertThat(manifest.get("loss_history").get("generator")).hasSize(2);
        assertThat(manifest.get("hyper_parameters").get("batch_size").asInt()).isEqualTo(100);
        assertThat(manifest.get("evaluation").get("quality").asDouble()).isBetween(0.5, 1.0);
        assertThat(manifest.get("evaluation").get("tstr_f1").isNumber()).isTrue();
        // the manifest keeps the headline metrics; the full report (with distributions) is evaluation.json
        assertThat(manifest.get("versions").get("pytorch").asText()).isNotBlank();
        assertThat(manifest.get("versions").get("djl").asText()).isNotBlank();
        assertThat(manifest.get("files").fieldNames()).toIterable().contains("generator.params",
                "transformer.json", "profile.json", "model.json", "evaluation.json", "report.html");
        assertThat(manifest.get("columns")).hasSize(15);
        // the manifest describes columns, never their values
        assertThat(manifest.toString()).doesNotContain("Bachelors", "United-States");

        ArtifactStore store = ArtifactStore.builder().setRoot(dir.resolve("models")).build();
        assertThat(store.latest("adult")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
        assertThat(Files.readString(outcome.version().directory().resolve("report.html"))).contains("<svg");
    }

    @Test
    void directIdentifiersAreLeftOutOfTheModelAndNoneOfTheirValuesReachTheArtifact(@TempDir Path dir)
            throws IOException {
        // Invoices repeat their customer's billing address, so profiling alone would model it as a category
        Path invoices = TestDatasets.file("chinook/Invoice.csv");
        TrainingOutcome outcome = new TableTrainingPipeline(PipelineListener.silent()).run(TrainingRequest.builder()
                .setData(invoices).setTable("invoices").setOutputRoot(dir)
                .setCtgan(CtganConfig.builder().setEpochs(1).setBatchSize(100).setThreads(1).build())
                .setGate(GateThresholds.builder().minQuality(null).maxExactMatchRate(null).maxDcrShare(null)
                        .build())
                .build());

        Map<String, String> kinds = new HashMap<>();
        outcome.version().manifest().columns().forEach(c -> kinds.put(c.name(), c.kind().name()));
        assertThat(kinds).containsEntry("BillingAddress", "IDENTIFIER").containsEntry("BillingCity", "DISCRETE")
                .containsEntry("BillingCountry", "DISCRETE").containsEntry("Total", "CONTINUOUS");

        StringBuilder artifact = new StringBuilder();
        try (Stream<Path> files = Files.list(outcome.version().directory())) {
            for (Path file : files.filter(f -> !f.toString().endsWith(".params")).toList()) {
                artifact.append(Files.readString(file));
            }
        }
        RawTable raw = CsvTableReader.read(invoices);
        for (String column : List.of("BillingAddress")) {
            String[] values = raw.column(raw.columnIndex(column));
            for (String value : values) {
                if (value != null) {
                    // as a whole JSON string: "Frank" is inside the (modelled) city "Frankfurt"
                    assertThat(artifact.indexOf(new ObjectMapper().writeValueAsString(value)))
                            .as("%s value '%s' in the artifact", column, value).isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void trainsFromAnAvroContainerAndPinsItsSchema(@TempDir Path dir) throws IOException {
        TableSchema schema = new TableSchema("demo", "Person", List.of(
                FieldSchema.of("age", FieldType.INT, false),
                FieldSchema.of("workclass", FieldType.STRING, true),
                FieldSchema.of("hours_per_week", FieldType.DOUBLE, false),
                FieldSchema.of("sex", FieldType.STRING, false),
                FieldSchema.of("income", FieldType.STRING, false)));
        List<Object[]> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(TestDatasets.file("adult/adult.csv")))) {
            for (CSVRecord record : parser) {
                if (rows.size() == 1500) {
                    break;
                }
                String workclass = record.get("workclass").trim();
                rows.add(new Object[] {Integer.parseInt(record.get("age").trim()),
                        workclass.equals("?") ? null : workclass,
                        Double.parseDouble(record.get("hours_per_week").trim()), record.get("sex").trim(),
                        record.get("income").trim()});
            }
        }
        Path avro = dir.resolve("people.avro");
        AvroContainerFiles.write(avro, schema, rows);

        TrainingOutcome outcome = new TableTrainingPipeline(PipelineListener.silent()).run(request(avro,
                dir.resolve("models"), 1).setMetadata(null).build());

        String pinned = "avro:" + Long.toHexString(AvroSchemas.fingerprint(AvroSchemas.toAvroJson(schema)));
        assertThat(outcome.version().manifest().schemaFingerprint()).isEqualTo(pinned);
        ArtifactStore.verifySchema(outcome.version(), pinned);
        assertThatThrownBy(() -> ArtifactStore.verifySchema(outcome.version(), "avro:1234"))
                .isInstanceOf(SchemaMismatchException.class).hasMessageContaining("retrain");
        assertThat(outcome.version().manifest().columns()).extracting(c -> c.kind().name())
                .containsExactly("CONTINUOUS", "DISCRETE", "CONTINUOUS", "DISCRETE", "DISCRETE");
    }

    @Test
    void resumingContinuesTheCheckpointedRunToTheNewEpochCount(@TempDir Path dir) throws IOException {
        Path data = adultSlice(dir, 1000);
        Path out = dir.resolve("models");
        TableTrainingPipeline pipeline = new TableTrainingPipeline(PipelineListener.silent());
        pipeline.run(request(data, out, 1).build());
        TrainingOutcome resumed = pipeline.run(request(data, out, 2).setResume(true).build());
        TrainingOutcome straight = pipeline.run(request(data, dir.resolve("straight"), 2).build());

        JsonNode resumedManifest = new ObjectMapper().readTree(resumed.version().directory()
                .resolve("manifest.json").toFile());
        JsonNode straightManifest = new ObjectMapper().readTree(straight.version().directory()
                .resolve("manifest.json").toFile());
        assertThat(resumed.version().version()).isEqualTo(2);
        assertThat(resumedManifest.get("loss_history")).isEqualTo(straightManifest.get("loss_history"));
        assertThat(resumedManifest.get("files").get("generator.params").get("sha256"))
                .isEqualTo(straightManifest.get("files").get("generator.params").get("sha256"));
    }
}
