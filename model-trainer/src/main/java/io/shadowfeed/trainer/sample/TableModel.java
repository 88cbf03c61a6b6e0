package io.shadowfeed.trainer.sample;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.trainer.artifact.ArtifactFile;
import io.shadowfeed.trainer.artifact.ArtifactVersion;
import io.shadowfeed.trainer.model.CtganNetworks;
import io.shadowfeed.trainer.model.NetworkShape;
import io.shadowfeed.trainer.model.ParameterFile;
import io.shadowfeed.trainer.model.PyTorchEngine;
import io.shadowfeed.trainer.profile.TableProfile;
import io.shadowfeed.trainer.transform.DataTransformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained table model as its artifact files: the generator's parameters, the fitted transformer (and the parent
 * context's), the profile that renders values back, and {@code model.json} tying them together.
 */
public final class TableModel {
    public static final int FORMAT_VERSION = 1;
    static final String MODEL = "model.json";
    static final String TRANSFORMER = "transformer.json";
    static final String CONTEXT_TRANSFORMER = "context-transformer.json";
    static final String PROFILE = "profile.json";
    static final String GENERATOR = "generator.params";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Descriptor descriptor;
    private final DataTransformer transformer;
    private final DataTransformer contextTransformer;
    private final TableProfile profile;

    public TableModel(String table, NetworkShape shape, DataTransformer transformer,
            DataTransformer contextTransformer, TableProfile profile) {
        this.descriptor = new Descriptor(FORMAT_VERSION, table, transformer.columns(),
                contextTransformer == null ? List.of() : contextTransformer.columns(), shape);
        this.transformer = Objects.requireNonNull(transformer, "transformer");
        this.contextTransformer = contextTransformer;
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public String table() {
        return descriptor.table();
    }

    public NetworkShape shape() {
        return descriptor.shape();
    }

    public DataTransformer transformer() {
        return transformer;
    }

    /** The parent context's transformer, or null for a table without a parent. */
    public DataTransformer contextTransformer() {
        return contextTransformer;
    }

    public TableProfile profile() {
        return profile;
    }

    /** The files of an artifact, for {@code ArtifactStore.publish}, with the trained generator's parameters. */
    public Map<String, ArtifactFile> files(CtganNetworks networks) {
        Map<String, ArtifactFile> files = new LinkedHashMap<>();
        files.put(MODEL, out -> out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor)));
        files.put(TRANSFORMER, ArtifactFile.ofString(transformer.toJson()));
        if (contextTransformer != null) {
            files.put(CONTEXT_TRANSFORMER, ArtifactFile.ofString(contextTransformer.toJson()));
        }
        files.put(PROFILE, out -> out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(profile)));
        files.put(GENERATOR, out -> ParameterFile.write(out, networks.generator().parameters()));
        return files;
    }

    /** Reads the model of a verified artifact version. */
    public static TableModel read(ArtifactVersion version) {
        try {
            Descriptor descriptor = JSON.readValue(version.file(MODEL).toFile(), Descriptor.class);
            if (descriptor.formatVersion() != FORMAT_VERSION) {
                throw new IllegalArgumentException(version.label() + " holds a model of format "
                        + descriptor.formatVersion() + "; this runtime reads format " + FORMAT_VERSION);
            }
            DataTransformer transformer = DataTransformer.fromJson(read(version, TRANSFORMER));
            DataTransformer context = descriptor.contextColumns().isEmpty() ? null
                    : DataTransformer.fromJson(read(version, CONTEXT_TRANSFORMER));
            TableProfile profile = JSON.readValue(version.file(PROFILE).toFile(), TableProfile.class);
            return new TableModel(descriptor.table(), descriptor.shape(), transformer, context, profile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model of " + version.label(), e);
        }
    }

    private static String read(ArtifactVersion version, String file) throws IOException {
        return Files.readString(version.file(file), StandardCharsets.UTF_8);
    }

    /**
     * A sampler over this model's generator, whose parameters are read from the artifact.
     *
     * @param threads PyTorch intra-op threads, when this call is the one that starts the engine
     */
    public TableSampler openSampler(ArtifactVersion version, int threads, int batchSize) {
        Engine engine = PyTorchEngine.start(threads);
        CtganNetworks networks;
        try {
            networks = CtganNetworks.forSampling(shape(), Device.cpu(), version.file(GENERATOR));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generator of " + version.label(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(version.label() + ": the generator does not match model.json: "
                    + e.getMessage(), e);
        }
        return new TableSampler(engine, networks, true, transformer, contextTransformer, batchSize);
    }

    /** A sampler over networks just trained; they stay the caller's to close. */
    public TableSampler samplerOver(CtganNetworks networks, int batchSize) {
        return new TableSampler(PyTorchEngine.start(1), networks, false, transformer, contextTransformer,
                batchSize);
    }

    /** {@code model.json}. */
    record Descriptor(@JsonProperty("format_version") int formatVersion,
            @JsonProperty("table") String table,
            @JsonProperty("columns") List<String> columns,
            @JsonProperty("context_columns") List<String> contextColumns,
            @JsonProperty("network_shape") NetworkShape shape) {
    }
}
