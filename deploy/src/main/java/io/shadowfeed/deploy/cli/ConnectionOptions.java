package io.shadowfeed.deploy.cli;

import io.shadowfeed.job.spec.PipelineSpec;
import picocli.CommandLine.Option;

/** {@code --bootstrap-servers} and {@code --registry-url}, which override what the spec says. */
final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka to use. Default: the spec's kafka.bootstrap-servers.")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL",
            description = "Schema registry to use. Default: the spec's registry.url.")
    String registryUrl;

    PipelineSpec applyTo(PipelineSpec spec) {
        PipelineSpec result = spec;
        if (bootstrapServers != null) {
            result = result.withBootstrapServers(bootstrapServers);
        }
        if (registryUrl != null) {
            result = result.withRegistryUrl(registryUrl);
        }
        return result;
    }
}
