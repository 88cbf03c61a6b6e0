package io.shadowfeed.trainer.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.trainer.model.CtganNetworks;
import io.shadowfeed.trainer.model.NetworkShape;
import io.shadowfeed.trainer.model.ParameterFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resumable training state in one directory: both networks, both optimizers' moments, the epochs done and the
 * loss history. Each checkpoint replaces the previous one atomically (written beside it, then renamed), so a crash
 * leaves the last complete checkpoint.
 */
final class CheckpointStore {
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CURRENT = "current";

    private final Path directory;

    CheckpointStore(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    void save(int epochsDone, CtganConfig config, NetworkShape shape, CtganNetworks networks,
            AdamOptimizer generatorOptimizer, AdamOptimizer criticOptimizer, LossHistory history) {
        try {
            Files.createDirectories(directory);
            Path staging = Files.createTempDirectory(directory, ".staging-");
            ParameterFile.write(staging.resolve("generator.params"), networks.generator().parameters());
            ParameterFile.write(staging.resolve("critic.params"), networks.critic().parameters());
            ParameterFile.write(staging.resolve("generator-optimizer.params"), generatorOptimizer.state());
            ParameterFile.write(staging.resolve("critic-optimizer.params"), criticOptimizer.state());
            State state = new State(FORMAT_VERSION, epochsDone, resumeKey(config), shape, generatorOptimizer.steps(),
                    criticOptimizer.steps(), history);
            JSON.writerWithDefaultPrettyPrinter().writeValue(staging.resolve("state.json").toFile(), state);
            Path current = directory.resolve(CURRENT);
            Path previous = directory.resolve(".previous");
            deleteRecursively(previous);
            if (Files.exists(current)) {
                Files.move(current, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, current, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint under " + directory, e);
        }
    }

    /** The last checkpoint's state, if there is one. */
    Optional<State> peek() {
        Path state = directory.resolve(CURRENT).resolve("state.json");
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        try {
            State loaded = JSON.readValue(state.toFile(), State.class);
            if (loaded.formatVersion() != FORMAT_VERSION) {
                throw new IllegalStateException("checkpoint " + state + " has format " + loaded.formatVersion()
                        + "; this trainer resumes format " + FORMAT_VERSION);
            }
            return Optional.of(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + state, e);
        }
    }

    /** Reads the last checkpoint into the networks and optimizers; its configuration must match. */
    State restore(CtganConfig config, NetworkShape shape, CtganNetworks networks, AdamOptimizer generatorOptimizer,
            AdamOptimizer criticOptimizer) {
        State state = peek().orElseThrow(() -> new IllegalStateException(
                "--resume: no checkpoint under " + directory));
        if (!state.shape().equals(shape)) {
            throw new IllegalStateException("--resume: the checkpoint's networks " + state.shape()
                    + " do not match this data's " + shape + "; train from scratch");
        }
        if (!state.config().equals(resumeKey(config))) {
            throw new IllegalStateException("--resume: the checkpoint was written with " + state.config()
                    + " but this run has " + resumeKey(config) + "; use the same settings (only --epochs, "
                    + "--threads and the checkpoint interval may change)");
        }
        Path current = directory.resolve(CURRENT);
        try {
            ParameterFile.readInto(current.resolve("generator.params"), networks.generator().parameters());
            ParameterFile.readInto(current.resolve("critic.params"), networks.critic().parameters());
            ParameterFile.readInto(current.resolve("generator-optimizer.params"), generatorOptimizer.state());
            ParameterFile.readInto(current.resolve("critic-optimizer.params"), criticOptimizer.state());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + current, e);
        }
        generatorOptimizer.restoreSteps(state.generatorSteps());
        criticOptimizer.restoreSteps(state.criticSteps());
        return state;
    }

    /** The settings a resumed run must share with the checkpoint: all but epochs, threads and checkpointing. */
    private static String resumeKey(CtganConfig config) {
        return config.toBuilder().setEpochs(1).setThreads(1).setCheckpointEvery(0).build().toString();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** What a checkpoint records besides the arrays. {@code config} excludes the epoch count. */
    record State(@JsonProperty("format_version") int formatVersion,
            @JsonProperty("epochs_done") int epochsDone,
            @JsonProperty("config") String config,
            @JsonProperty("shape") NetworkShape shape,
            @JsonProperty("generator_steps") long generatorSteps,
            @JsonProperty("critic_steps") long criticSteps,
            @JsonProperty("loss_history") LossHistory lossHistory) {
    }
}
