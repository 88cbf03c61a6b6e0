package io.shadowfeed.deploy.cli;

import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.SpecException;

import java.nio.file.Path;

/** Loads the spec a command is given: a file, or {@code classpath:RESOURCE} for the bundled ones. */
final class Specs {

    static final String CLASSPATH = "classpath:";
    static final String DEMO_SPEC = "specs/chinook-demo.yaml";

    private Specs() {}

    static PipelineSpec load(String location) {
        if (location.startsWith(CLASSPATH)) {
            return PipelineSpecLoader.loadResource(location.substring(CLASSPATH.length()));
        }
        Path file = Path.of(location);
        if (!file.toFile().isFile()) {
            throw new SpecException(location + ": no such file");
        }
        return PipelineSpecLoader.load(file);
    }
}
