package io.shadowfeed.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Where local runs keep their state: {@code <repo>/.work/local} by default (git-ignored). */
public final class WorkDirs {

    /** Set by {@code bin/shadowfeed} (and the build's tests) to the repository root. */
    public static final String REPO_PROPERTY = "shadowfeed.repo";

    private WorkDirs() {}

    public static Path repoRoot() {
        return Path.of(System.getProperty(REPO_PROPERTY, ".")).toAbsolutePath().normalize();
    }

    public static Path defaultLocalRoot() {
        return repoRoot().resolve(".work").resolve("local");
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory " + dir, e);
        }
    }

    /** Deletes a directory tree; a missing directory is fine. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
