package io.shadowfeed.trainer.artifact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Publishes one version: writes everything into a temporary directory beside the versions, forces it to disk, then
 * renames it to {@code v<N>} in one atomic step, so a reader sees a whole version or none. A concurrent publisher that
 * took {@code v<N>} first makes the rename fail; the manifest is then rewritten for the next number and tried again.
 */
final class VersionWriter {

    static final String TEMPORARY_PREFIX = ".tmp-";

    private static final Logger LOG = LoggerFactory.getLogger(VersionWriter.class);
    private static final int MAX_ATTEMPTS = 100;

    private VersionWriter() {}

    static ArtifactVersion publish(Path tableDirectory, String table, ManifestDraft draft,
            Map<String, ArtifactFile> files, Instant createdAt, IntSupplier nextVersion) {
        Path temporary = tableDirectory.resolve(TEMPORARY_PREFIX + UUID.randomUUID());
        boolean moved = false;
        try {
            Files.createDirectories(tableDirectory);
            Files.createDirectory(temporary);
            Map<String, FileDigest> digests = new TreeMap<>();
            for (Map.Entry<String, ArtifactFile> file : new TreeMap<>(files).entrySet()) {
                digests.put(file.getKey(), write(temporary.resolve(file.getKey()), file.getValue(), table));
            }
            for (int attempt = 1; ; attempt++) {
                int version = nextVersion.getAsInt();
                Path target = ArtifactStore.versionDirectory(tableDirectory, version);
                Manifest manifest = Manifest.of(table, version, createdAt, draft, digests);
                Path manifestFile = temporary.resolve(ArtifactPreconditions.MANIFEST_FILE);
                Files.deleteIfExists(manifestFile);
                write(manifestFile, ArtifactFile.ofBytes(ManifestCodec.write(manifest)), table);
                forceDirectory(temporary);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    if (Files.exists(target) && attempt < MAX_ATTEMPTS) {
                        continue; // another publisher took this number
                    }
                    throw e;
                }
                moved = true;
                forceDirectory(tableDirectory);
                makeReadOnly(target, manifest);
                LOG.info("published {}/v{} ({} files, quality gate {})", table, version, digests.size(),
                        draft.gatePassed() ? "passed" : "failed");
                return new ArtifactVersion(table, version, target, manifest);
            }
        } catch (IOException e) {
            throw new ArtifactException("could not publish a version of table " + table + " under "
                    + tableDirectory + ": " + e, e);
        } finally {
            if (!moved) {
                ArtifactStore.deleteRecursively(temporary);
            }
        }
    }

    private static FileDigest write(Path path, ArtifactFile content, String table) throws IOException {
        MessageDigest sha256 = Fingerprints.newSha256();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(
                    new DigestOutputStream(Channels.newOutputStream(channel), sha256), 64 * 1024);
            try {
                content.writeTo(new CloseShield(out));
            } catch (IOException e) {
                throw new IOException("writing file '" + path.getFileName() + "' of table " + table + " failed: "
                        + e.getMessage(), e);
            }
            out.flush();
            channel.force(true);
            return new FileDigest(Fingerprints.hex(sha256), channel.size());
        }
    }

    /** Makes a directory's entries durable; not every platform can open a directory, so it is best effort. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("could not force directory {} to disk: {}", directory, e.toString());
        }
    }

    /** Best effort: a published version is never changed, and this keeps accidents from changing it. */
    private static void makeReadOnly(Path version, Manifest manifest) {
        try {
            for (String name : manifest.files().keySet()) {
                Files.setPosixFilePermissions(version.resolve(name), PosixFilePermissions.fromString("r--r--r--"));
            }
            Files.setPosixFilePermissions(version.resolve(ArtifactPreconditions.MANIFEST_FILE),
                    PosixFilePermissions.fromString("r--r--r--"));
            Files.setPosixFilePermissions(version, PosixFilePermissions.fromString("r-xr-xr-x"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not make {} read-only: {}", version, e.toString());
        }
    }

    /** Lets a writer close what it was given (as Jackson and DataOutputStream do) without closing the file early. */
    private static final class CloseShield extends FilterOutputStream {
        CloseShield(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
