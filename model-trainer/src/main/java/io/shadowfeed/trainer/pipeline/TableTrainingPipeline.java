package io.shadowfeed.trainer.pipeline;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shadowfeed.privacy.pii.detect.ColumnClassification;
import io.shadowfeed.privacy.pii.detect.ColumnClassifier;
import io.shadowfeed.trainer.artifact.ArtifactFile;
import io.shadowfeed.trainer.artifact.ArtifactStore;
import io.shadowfeed.trainer.artifact.ArtifactVersion;
import io.shadowfeed.trainer.artifact.Fingerprints;
import io.shadowfeed.trainer.artifact.ManifestColumn;
import io.shadowfeed.trainer.artifact.ManifestDraft;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.evaluate.EvaluationReport;
import io.shadowfeed.trainer.evaluate.EvaluationReportJson;
import io.shadowfeed.trainer.evaluate.Evaluator;
import io.shadowfeed.trainer.evaluate.gate.GateVerdict;
import io.shadowfeed.trainer.evaluate.gate.QualityGate;
import io.shadowfeed.trainer.evaluate.html.HtmlReportWriter;
import io.shadowfeed.trainer.io.AvroContainerReader;
import io.shadowfeed.trainer.io.CsvTableReader;
import io.shadowfeed.trainer.model.PyTorchEngine;
import io.shadowfeed.trainer.profile.ColumnProfile;
import io.shadowfeed.trainer.profile.MetadataOverrides;
import io.shadowfeed.trainer.profile.Profiler;
import io.shadowfeed.trainer.profile.TableProfile;
import io.shadowfeed.trainer.sample.TableModel;
import io.shadowfeed.trainer.sample.TableSampler;
import io.shadowfeed.trainer.train.CtganTrainer;
import io.shadowfeed.trainer.train.TrainingData;
import io.shadowfeed.trainer.train.TrainingResult;
import io.shadowfeed.trainer.transform.DataTransformer;
import io.shadowfeed.trainer.transform.TransformerSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One table from file to published artifact: read, profile, hold out, fit the transformer, train the CTGAN,
 * sample, evaluate against the holdout, judge by the quality gate, publish. A version that fails the gate is
 * published too (the store never serves it as latest), so that it can be inspected.
 */
public final class TableTrainingPipeline {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineListener listener;

    public TableTrainingPipeline(PipelineListener listener) {
        this.listener = listener;
    }

    public TrainingOutcome run(TrainingRequest request) {
        long seed = request.ctgan().seed();
        // the device first: a missing GPU should fail before minutes of reading and fitting
        Engine engine = PyTorchEngine.start(request.ctgan().threads());
        Device device = PyTorchEngine.device(engine, request.device());
        listener.onStage("reading " + request.data().getFileName());
        Input input = read(request.data());

        listener.onStage("profiling");
        MetadataOverrides overrides = request.metadata() == null ? MetadataOverrides.none()
                : MetadataOverrides.read(request.metadata());
        Profiler profiler = Profiler.builder().build();
        TableProfile profile = profiler.profile(input.raw(), overrides);
        List<ColumnClassification> personal = new PersonalDataScreen(ColumnClassifier.defaults())
                .directIdentifiers(profile, input.raw());
        if (!personal.isEmpty()) {
            for (ColumnClassification column : personal) {
                listener.onStage("column '" + column.column() + "' holds " + column.type()
                        + ": left out of the model, to the PII policies (" + String.join("; ", column.evidence())
                        + ")");
            }
            profile = profiler.profile(input.raw(), PersonalDataScreen.declareIdentifiers(overrides, personal));
        }
        listener.onProfile(profile);
        List<String> context = request.contextColumns();
        List<String> modelled = modelledColumns(profile, context, request.data());
        DataTable typed = profile.type(input.raw());
        Split split = Split.of(typed.rowCount(), request.holdoutFraction(), seed);
        DataTable train = typed.selectRows(split.train());
        DataTable holdout = typed.selectRows(split.holdout());

        listener.onStage("fitting the transformer");
        Transformers transformers = Transformers.fit(train, modelled, context, seed);

        listener.onStage("training");
        Path checkpoints = request.outputRoot().resolve(request.table()).resolve(".checkpoints");
        try (TrainingResult result = CtganTrainer.builder().setConfig(request.ctgan()).setDevice(device)
                .setListener(listener).setCheckpointDirectory(checkpoints).setResume(request.resume()).build()
                .train(transformers.trainingData(train, seed))) {
            TableModel model = new TableModel(request.table(), result.shape(), transformers.modelled(),
                    transformers.context(), profile);

            listener.onStage("sampling for the evaluation");
            DataTable synthetic = sampleLike(model, result, train, request);

            listener.onStage("evaluating");
            List<String> evaluated = new ArrayList<>(modelled);
            evaluated.addAll(context);
            Evaluator.Builder evaluator = Evaluator.builder().optSeed(seed);
            if (request.target() != null) {
                evaluator.optTarget(request.target());
            }
            EvaluationReport evaluation = evaluator.build().evaluate(train.selectColumns(evaluated),
                    synthetic.selectColumns(evaluated), holdout.selectColumns(evaluated));
            GateVerdict verdict = new QualityGate(request.gate()).check(evaluation);

            listener.onStage("publishing");
            ArtifactVersion version = publish(request, input, profile, transformers, model, result, evaluation,
                    verdict, versions(engine));
            return new TrainingOutcome(version, evaluation, verdict, result.secondsPerEpoch());
        }
    }

    /** The profile's modelled columns that are not parent context; context columns must be modelled kinds. */
    private static List<String> modelledColumns(TableProfile profile, List<String> context, Path data) {
        for (String column : context) {
            if (!profile.column(column).kind().isModelled()) {
                throw new IllegalArgumentException("context column '" + column + "' is "
                        + profile.column(column).kind() + "; context columns must be modelled kinds");
            }
        }
        List<String> modelled = new ArrayList<>();
        for (ColumnProfile column : profile.modelledColumns()) {
            if (!context.contains(column.name())) {
                modelled.add(column.name());
            }
        }
        if (modelled.isEmpty()) {
            throw new IllegalArgumentException("no column of " + data.getFileName()
                    + " is modelled (all are identifiers or free text); declare kinds in --metadata");
        }
        return modelled;
    }

    /** As many synthetic rows as training rows (up to the request's cap), each parent context from a real row. */
    private static DataTable sampleLike(TableModel model, TrainingResult result, DataTable train,
            TrainingRequest request) {
        int rows = Math.min(request.evaluationRows(), train.rowCount());
        long seed = request.ctgan().seed();
        try (TableSampler sampler = model.samplerOver(result.networks(), request.samplerBatchSize())) {
            if (request.contextColumns().isEmpty()) {
                return sampler.sample(rows, seed);
            }
            DataTable parents = train.selectColumns(request.contextColumns()).selectRows(firstRows(rows));
            return sampler.sampleForContext(parents, seed).withColumnsOf(parents);
        }
    }

    private ArtifactVersion publish(TrainingRequest request, Input input, TableProfile profile,
            Transformers transformers, TableModel model, TrainingResult result, EvaluationReport evaluation,
            GateVerdict verdict, Map<String, String> versions) {
        Map<String, ArtifactFile> files = new LinkedHashMap<>(model.files(result.networks()));
        files.put("evaluation.json", ArtifactFile.ofString(EvaluationReportJson.toJson(evaluation)));
        files.put("report.html", ArtifactFile.ofString(
                HtmlReportWriter.builder().build().render(evaluation, verdict, result.lossHistory())));
        ManifestDraft draft = ManifestDraft.builder()
                .setTrainingDataFingerprint(Fingerprints.sha256(request.data()))
                .setSchemaFingerprint(input.schemaFingerprint(profile))
                .setColumns(columns(profile))
                .setTransformer(transformers.describe())
                .setHyperParameters(JSON.valueToTree(request.ctgan()))
                .setSeed(request.ctgan().seed())
                .setEpochsRun(result.epochs())
                .setLossHistory(JSON.valueToTree(result.lossHistory()))
                .optEvaluation(JSON.valueToTree(evaluation.headlineMetrics()))
                .setGate(verdict.passed(), gateDetails(verdict))
                .optVersions(versions)
                .build();
        return ArtifactStore.builder().setRoot(request.outputRoot()).build().publish(request.table(), draft, files);
    }

    /** The modelled columns' transformer and, for a child table, its parent context's. */
    private record Transformers(TransformerSettings settings, DataTransformer modelled, DataTransformer context) {
        static Transformers fit(DataTable train, List<String> modelled, List<String> context, long seed) {
            TransformerSettings settings = TransformerSettings.defaults();
            return new Transformers(settings,
                    DataTransformer.fit(train.selectColumns(modelled), modelled, settings, seed),
                    context.isEmpty() ? null
                            : DataTransformer.fit(train.selectColumns(context), context, settings, seed));
        }

        /** Modes sampled from the seed, as CTGAN transforms once before training; context modes by argmax. */
        TrainingData trainingData(DataTable train, long seed) {
            float[] contextRows = context == null ? null
                    : context.transformDeterministic(train.selectColumns(context.columns()));
            return new TrainingData(modelled.transform(train.selectColumns(modelled.columns()), seed),
                    train.rowCount(), modelled.outputWidth(), modelled.spans(), modelled.discreteSpans(),
                    contextRows, context == null ? 0 : context.outputWidth());
        }

        JsonNode describe() {
            ObjectNode node = JSON.valueToTree(settings);
            node.set("modelled_columns", JSON.valueToTree(modelled.columns()));
            node.set("context_columns", JSON.valueToTree(context == null ? List.of() : context.columns()));
            return node;
        }
    }

    private static int[] firstRows(int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static List<ManifestColumn> columns(TableProfile profile) {
        List<ManifestColumn> columns = new ArrayList<>();
        for (ColumnProfile column : profile.columns()) {
            ObjectNode summary = JSON.createObjectNode();
            summary.put("null_rate", column.nullRate());
            summary.put("cardinality", column.cardinality());
            summary.put("declared", column.declared());
            columns.add(new ManifestColumn(column.name(), column.kind(), summary));
        }
        return columns;
    }

    private static JsonNode gateDetails(GateVerdict verdict) {
        ObjectNode node = JSON.valueToTree(verdict);
        node.put("passed", verdict.passed());
        node.put("summary", verdict.passed() ? "passed" : verdict.failureSummary());
        return node;
    }

    private static Map<String, String> versions(Engine engine) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("shadowfeed", TrainerVersion.get());
        versions.put("djl", Engine.getDjlVersion());
        versions.put("pytorch", engine.getVersion());
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }

    private static Input read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".avro")) {
            AvroContainerReader.AvroTable avro = AvroContainerReader.readWithSchema(file);
            return new Input(avro.table(), "avro:" + Long.toHexString(avro.schemaFingerprint()));
        }
        return new Input(CsvTableReader.read(file), null);
    }

    /** The rows read, and the Avro schema's fingerprint when the file carried one. */
    private record Input(RawTable raw, String avroFingerprint) {
        /** The Avro fingerprint, or for CSV a digest of the profiled column names and kinds. */
        String schemaFingerprint(TableProfile profile) {
            if (avroFingerprint != null) {
                return avroFingerprint;
            }
            StringBuilder columns = new StringBuilder();
            for (ColumnProfile column : profile.columns()) {
                columns.append(column.name()).append(':').append(column.kind()).append('\n');
            }
            return "columns:" + Fingerprints.sha256(columns.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A seeded shuffle split into training and holdout row positions. */
    private record Split(int[] train, int[] holdout) {
        static Split of(int rows, double holdoutFraction, long seed) {
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            SplittableRandom random = new SplittableRandom(seed ^ 0x5EED5EEDL);
            for (int i = rows - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            int holdout = (int) Math.round(rows * holdoutFraction);
            if (holdout < 1 || rows - holdout < 2) {
                throw new IllegalArgumentException("cannot hold out " + holdoutFraction + " of " + rows
                        + " rows and keep both parts non-empty; give more rows");
            }
            int[] holdoutRows = Arrays.copyOfRange(order, 0, holdout);
            int[] trainRows = Arrays.copyOfRange(order, holdout, rows);
            Arrays.sort(holdoutRows);
            Arrays.sort(trainRows);
            return new Split(trainRows, holdoutRows);
        }
    }
}
