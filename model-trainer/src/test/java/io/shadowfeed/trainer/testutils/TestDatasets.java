package io.shadowfeed.trainer.testutils;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared datasets: the {@code shadowfeed.datasets} property (surefire sets it), else ../../shared/datasets. */
public final class TestDatasets {

    private TestDatasets() {}

    public static Path dir() {
        String property = System.getProperty("shadowfeed.datasets");
        Path dir = property != null ? Path.of(property) : Path.of("..", "..", "shared", "datasets");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("datasets not found at " + dir.toAbsolutePath()
                    + "; set -Dshadowfeed.datasets=<dir>");
        }
        return dir;
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }
}
