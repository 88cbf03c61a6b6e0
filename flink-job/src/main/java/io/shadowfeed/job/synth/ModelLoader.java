package io.shadowfeed.job.synth;

import io.shadowfeed.job.model.ModelVersion;
import io.shadowfeed.job.spec.ServingSpec;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.trainer.artifact.ArtifactStore;
import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.artifact.ArtifactVersion;
import io.shadowfeed.trainer.sample.TableModel;
import io.shadowfeed.trainer.sample.TableSampler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns a model version event, or a table's {@code model:} setting, into a {@link LoadedModel}. */
public final class ModelLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServingSpec serving;

    public ModelLoader(ServingSpec serving) {
        this.serving = serving;
    }

    /**
     * The version a table's {@code model:} setting names: {@code latest} or {@code v<N>} in the spec's model store,
     * or an artifact version directory.
     *
     * @throws ModelLoadException when it cannot be found
     */
    public ModelVersion resolve(TableSpec table) {
        String model = table.synthesis().model();
        ArtifactVersion version;
        try {
            if (model.equals("latest") || model.matches("v[0-9]+")) {
                if (serving.modelStore() == null) {
                    throw new ModelLoadException("table '" + table.name() + "' asks for model " + model
                            + " but the spec sets no models.store to find it in");
                }
                ArtifactStore store = ArtifactStore.builder().setRoot(Path.of(serving.modelStore())).build();
                version = store.resolve(table.name(), model);
            } else {
                version = ArtifactStore.open(Path.of(model));
            }
        } catch (ModelLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelLoadException("table '" + table.name() + "': model " + model + ": " + e.getMessage(), e);
        }
        return ModelVersion.of(version);
    }

    /**
     * Verifies the artifact (every checksum), checks it passed its gate and fits the table, and opens its sampler.
     *
     * @throws ModelLoadException with the reason, for a log line and a status event
     */
    public LoadedModel load(ModelVersion event, TableSpec table) {
        if (!event.table().equals(table.name())) {
            throw new ModelLoadException(event.label() + " is a model of table '" + event.table() + "', not '"
                    + table.name() + "'");
        }
        if (!event.gatePassed()) {
            throw new ModelLoadException(event.label() + " did not pass its quality gate; it is not served");
        }
        Path directory = Path.of(event.location());
        if (!Files.isDirectory(directory)) {
            throw new ModelLoadException(event.label() + ": no artifact directory at " + event.location());
        }
        TableSampler sampler = null;
        try {
            ArtifactVersion version = ArtifactStore.verify(ArtifactStore.open(directory));
            if (!version.manifest().gatePassed()) {
                throw new ModelLoadException(event.label() + ": its manifest says the quality gate failed");
            }
            TableModel model = TableModel.read(version);
            sampler = model.openSampler(version, serving.inferenceThreads(), serving.batchSize());
            GeneratedColumns columns = GeneratedColumns.of(table, sampler.columns(), model.profile());
            List<ColumnKind> contextKinds = model.contextTransformer() == null ? List.of()
                    : model.contextTransformer().kinds();
            return new LoadedModel(event, sampler, columns, contextKinds);
        } catch (ModelLoadException e) {
            closeQuietly(sampler);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(sampler);
            throw new ModelLoadException(event.label() + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * The parent-context columns a version is conditioned on, from its {@code model.json}; null when it cannot be
     * read (the caller then keeps every parent value).
     */
    public static Set<String> contextColumns(ModelVersion version) {
        try {
            JsonNode model = JSON.readTree(Path.of(version.location(), "model.json").toFile());
            Set<String> columns = new HashSet<>();
            model.path("context_columns").forEach(c -> columns.add(c.asText()));
            return columns;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void closeQuietly(TableSampler sampler) {
        if (sampler != null) {
            sampler.close();
        }
    }
}
