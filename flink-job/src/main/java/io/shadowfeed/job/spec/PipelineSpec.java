package io.shadowfeed.job.spec;

import io.shadowfeed.privacy.keys.KeyProvider;
import io.shadowfeed.privacy.pii.policy.PolicyParser;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole pipeline, as one YAML file declares it (see {@link PipelineSpecLoader} and the README's spec reference).
 *
 * @param keyProvider where keyed policies read their keys (a description: paths and variable names, no key bytes)
 * @param activeKeyId the key id keyed policies use, pinned when the spec was loaded; null when no policy is keyed
 * @param autoSampleRecords how many records of an input topic {@code auto} fields are classified from
 * @param autoSampleTimeout how long to wait for them when the job starts
 * @param serving how generators are served and where keyed state lives
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
        KeyProvider keyProvider,
        String activeKeyId,
        int autoSampleRecords,
        Duration autoSampleTimeout,
        ServingSpec serving,
        List<TableSpec> tables) implements Serializable {

    public static final int FORMAT_VERSION = 1;

    public PipelineSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        Objects.requireNonNull(keyProvider, "keyProvider");
        Objects.requireNonNull(autoSampleTimeout, "autoSampleTimeout");
        Objects.requireNonNull(serving, "serving");
        tables = List.copyOf(tables);
    }

    public Optional<TableSpec> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    /** The parser for policies decided after loading ({@code auto}), with the same keys and pinned key id. */
    public PolicyParser policyParser() {
        PolicyParser.Builder builder = PolicyParser.builder().keys(keyProvider);
        if (activeKeyId != null) {
            builder.keyId(activeKeyId);
        }
        return builder.build();
    }

    public PipelineSpec withBootstrapServers(String servers) {
        return new PipelineSpec(name, servers, registryUrl, deadLetterTopic, checkpointInterval, parallelism,
                maxRecordBytes, maxOutOfOrderness, keyProvider, activeKeyId, autoSampleRecords, autoSampleTimeout,
                serving, tables);
    }

    public PipelineSpec withRegistryUrl(String url) {
        return new PipelineSpec(name, bootstrapServers, url, deadLetterTopic, checkpointInterval, parallelism,
                maxRecordBytes, maxOutOfOrderness, keyProvider, activeKeyId, autoSampleRecords, autoSampleTimeout,
                serving, tables);
    }

    /** Whether records of a table keep their first synthetic values when their key appears again. */
    public boolean stableAttributes(TableSpec table) {
        if (table.keyField() == null) {
            return false;
        }
        if (table.synthesis().stableAttributes() != null) {
            return table.synthesis().stableAttributes();
        }
        return isReferenced(table);
    }

    /** Whether another table has a foreign key to this one (so its rows must announce themselves to children). */
    public boolean isReferenced(TableSpec table) {
        return tables.stream().anyMatch(t -> t.parentKeys().stream().anyMatch(fk -> fk.parentTable()
                .equals(table.name())));
    }

    public PipelineSpec withServing(ServingSpec newServing) {
        return new PipelineSpec(name, bootstrapServers, registryUrl, deadLetterTopic, checkpointInterval,
                parallelism, maxRecordBytes, maxOutOfOrderness, keyProvider, activeKeyId, autoSampleRecords,
                autoSampleTimeout, newServing, tables);
    }

    public PipelineSpec withTables(List<TableSpec> newTables) {
        return new PipelineSpec(name, bootstrapServers, registryUrl, deadLetterTopic, checkpointInterval,
                parallelism, maxRecordBytes, maxOutOfOrderness, keyProvider, activeKeyId, autoSampleRecords,
                autoSampleTimeout, serving, newTables);
    }
}
