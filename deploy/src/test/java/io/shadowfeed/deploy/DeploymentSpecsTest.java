package io.shadowfeed.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The specs in the Compose and Kubernetes manifests are copies of the bundled demo spec with other addresses (they
 * cannot be run here: no Docker engine, no Kubernetes); this keeps them loadable and their tables in step with it.
 */
class DeploymentSpecsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theComposeSpecIsTheDemoSpecOnTheComposeNetwork() throws IOException {
        Path file = Path.of("compose/specs/chinook-demo.yaml");

        PipelineSpec compose = PipelineSpecLoader.load(file);

        assertThat(compose.bootstrapServers()).isEqualTo("kafka:19092");
        assertThat(compose.registryUrl()).isEqualTo("http://schema-registry:8081");
        assertThat(YAML.readTree(file.toFile()).path("tables")).isEqualTo(bundledTables());
    }

    @Test
    void theKubernetesConfigMapHoldsTheDemoSpecAndTheDeploymentPassesIt() throws IOException {
        Path file = Path.of("k8s/flinkdeployment.yaml");
        String spec = null;
        JsonNode deployment = null;
        for (JsonNode doc : YAML.readValues(YAML.getFactory().createParser(file.toFile()), JsonNode.class)
                .readAll()) {
            switch (doc.path("kind").asText()) {
                case "ConfigMap" -> spec = doc.path("data").path("pipeline.yaml").asText();
                case "FlinkDeployment" -> deployment = doc;
                default -> { }
            }
        }

        PipelineSpecLoader.parse(spec, null, "ConfigMap shadowfeed-spec");

        assertThat(YAML.readTree(spec).path("tables")).isEqualTo(bundledTables());
        assertThat(deployment.path("spec").path("job").path("args").toString())
                .isEqualTo("[\"--spec\",\"/opt/shadowfeed/spec/pipeline.yaml\"]");
        assertThat(Files.readString(file)).contains("mountPath: /opt/shadowfeed/spec", "secretName: shadowfeed-keys");
    }

    private static JsonNode bundledTables() throws IOException {
        try (InputStream in = DeploymentSpecsTest.class.getClassLoader()
                .getResourceAsStream("specs/chinook-demo.yaml")) {
            return YAML.readTree(in).path("tables");
        }
    }
}
