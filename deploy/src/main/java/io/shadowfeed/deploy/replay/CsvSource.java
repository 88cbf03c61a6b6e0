package io.shadowfeed.deploy.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a CSV comes from: a file, or a classpath resource ({@code classpath:datasets/chinook/Customer.csv}). Can be
 * opened more than once, for {@code --repeat}.
 */
public record CsvSource(String name, Opener opener) {

    private static final String CLASSPATH = "classpath:";

    public CsvSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }

    /** Opens a fresh reader at the start of the data. */
    @FunctionalInterface
    public interface Opener {
        Reader open() throws IOException;
    }

    /** A file path, or {@code classpath:RESOURCE}. */
    public static CsvSource of(String location) {
        if (location.startsWith(CLASSPATH)) {
            return resource(location.substring(CLASSPATH.length()));
        }
        return file(Path.of(location));
    }

    public static CsvSource file(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CsvFormatException("CSV file " + file + " does not exist");
        }
        return new CsvSource(file.getFileName().toString(), () -> Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    public static CsvSource resource(String resource) {
        ClassLoader loader = CsvSource.class.getClassLoader();
        if (loader.getResource(resource) == null) {
            throw new CsvFormatException("CSV resource classpath:" + resource + " does not exist");
        }
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return new CsvSource(name, () -> {
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("classpath:" + resource + " disappeared");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        });
    }

    Reader open() {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new CsvFormatException("cannot open " + name + ": " + e.getMessage(), e);
        }
    }
}
