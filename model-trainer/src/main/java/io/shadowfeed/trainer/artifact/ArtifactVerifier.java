package io.shadowfeed.trainer.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Checks that a version directory holds exactly the files its manifest lists, with their sizes and checksums. */
final class ArtifactVerifier {

    private ArtifactVerifier() {}

    static ArtifactVersion verify(ArtifactVersion version) {
        Path directory = version.directory();
        Map<String, FileDigest> files = version.manifest().files();
        for (Map.Entry<String, FileDigest> entry : files.entrySet()) {
            verifyFile(directory, entry.getKey(), entry.getValue());
        }
        // an unlisted file is refused: it would be loaded by nobody, or by a reader that trusts it unchecked
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.equals(ArtifactPreconditions.MANIFEST_FILE) && !files.containsKey(name)) {
                    throw new ArtifactCorruptedException(directory, name, "is not listed in manifest.json");
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("could not list " + directory + ": " + e.getMessage(), e);
        }
        return version;
    }

    private static void verifyFile(Path directory, String name, FileDigest expected) {
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ArtifactCorruptedException(directory, name, Files.exists(file)
                    ? "is not a regular file" : "is missing (manifest.json lists it)");
        }
        try {
            long size = Files.size(file);
            if (size != expected.bytes()) {
                throw new ArtifactCorruptedException(directory, name,
                        "has " + size + " bytes, manifest.json says " + expected.bytes());
            }
            String sha256;
            try (InputStream in = Files.newInputStream(file)) {
                sha256 = Fingerprints.sha256(in);
            }
            if (!sha256.equals(expected.sha256())) {
                throw new ArtifactCorruptedException(directory, name,
                        "has SHA-256 " + sha256 + ", manifest.json says " + expected.sha256());
            }
        } catch (NoSuchFileException e) {
            throw new ArtifactCorruptedException(directory, name, "is missing (manifest.json lists it)", e);
        } catch (IOException e) {
            throw new ArtifactException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
