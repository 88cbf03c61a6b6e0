package io.shadowfeed.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The benchmark's spec file, rewritten per run: this run's name (hence a fresh consumer group and fresh
 * transactional ids), Kafka and registry addresses, output and dead-letter topics, and checkpoint interval. Works on
 * the YAML, so the harness depends on the spec format only, never on the spec classes' constructors.
 */
final class RunSpecs {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final ObjectNode base;

    private RunSpecs(Path file, ObjectNode base) {
        this.file = file;
        this.base = base;
    }

    /**
     * Reads and validates the spec file. Its first table is the one measured; any others are its parents (replayed
     * once, before the runs, and read again by every run).
     */
    static RunSpecs load(Path file) {
        PipelineSpecLoader.load(file);
        try {
            return new RunSpecs(file, (ObjectNode) YAML.readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The spec as the file declares it. */
    PipelineSpec base() {
        return PipelineSpecLoader.load(file);
    }

    PipelineSpec forRun(String name, String bootstrapServers, String registryUrl, String outputTopic,
                        String deadLetterTopic, Duration checkpointInterval) {
        ObjectNode root = base.deepCopy();
        root.put("name", name);
        root.put("dead-letter-topic", deadLetterTopic);
        root.withObject("/kafka").put("bootstrap-servers", bootstrapServers);
        root.withObject("/registry").put("url", registryUrl);
        root.withObject("/job").put("checkpoint-interval", checkpointInterval.toMillis() + "ms");
        ObjectNode tables = root.withObject("/tables");
        var names = tables.fieldNames();
        String measured = names.next();
        ((ObjectNode) tables.get(measured)).put("output-topic", outputTopic);
        // Parents write to topics of their own per run (their records and the ones made on demand for orphans).
        names.forEachRemaining(parent -> ((ObjectNode) tables.get(parent)).put("output-topic",
                outputTopic + "." + parent));
        try {
            Path dir = file.toAbsolutePath().getParent();
            return PipelineSpecLoader.parse(YAML.writeValueAsString(root), dir, file + " (run " + name + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spec of run " + name, e);
        }
    }
}
