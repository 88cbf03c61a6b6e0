package io.shadowfeed.job.spec;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole pipeline, as one YAML file declares it (see {@link PipelineSpecLoader} and the README's spec reference).
 */
public record PipelineSpec(
        String name,
        String bootstrapServers,
        String registryUrl,
        String deadLetterTopic,
        Duration checkpointInterval,
        int parallelism,
        int maxRecordBytes,
        Duration maxOutOfOrderness,
        List<TableSpec> tables) implements Serializable {

    public static final int FORMAT_VERSION = 1;

    public PipelineSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        tables = List.copyOf(tables);
    }

    public Optional<TableSpec> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    public PipelineSpec withBootstrapServers(String servers) {
        return new PipelineSpec(name, servers, registryUrl, deadLetterTopic, checkpointInterval, parallelism,
                maxRecordBytes, maxOutOfOrderness, tables);
    }

    public PipelineSpec withRegistryUrl(String url) {
        return new PipelineSpec(name, bootstrapServers, url, deadLetterTopic, checkpointInterval, parallelism,
                maxRecordBytes, maxOutOfOrderness, tables);
    }

    public PipelineSpec withCheckpointInterval(Duration interval) {
        return new PipelineSpec(name, bootstrapServers, registryUrl, deadLetterTopic, interval, parallelism,
                maxRecordBytes, maxOutOfOrderness, tables);
    }
}
