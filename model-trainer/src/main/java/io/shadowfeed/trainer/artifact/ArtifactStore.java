package io.shadowfeed.trainer.artifact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Versioned model artifacts on a file system: {@code <root>/<table>/v<N>/} holds the files of one trained model and
 * its {@code manifest.json}. Versions are immutable and numbered 1, 2, ...; each is published atomically, so readers
 * never see a half-written one, and directories left by a crashed publisher ({@code .tmp-*}) are ignored.
 *
 * <p>"Latest" means the highest version whose quality gate passed: a failing version is kept for inspection but never
 * served as latest. Loading a version ({@link #latest}, {@link #resolve}, {@link #open}) checks every file against
 * the manifest; {@link #versions} reads the manifests only.
 */
public final class ArtifactStore {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactStore.class);
    private static final Pattern VERSION_DIRECTORY = Pattern.compile("v([1-9][0-9]{0,8})");
    private static final Pattern VERSION_SPEC = Pattern.compile("v?([1-9][0-9]{0,8})");
    private static final String LATEST = "latest";

    private final Path root;
    private final Clock clock;
    private final Duration staleAfter;

    ArtifactStore(Path root, Clock clock, Duration staleAfter) {
        this.root = root;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path root() {
        return root;
    }

    /**
     * Publishes a new version of a table: the next free number, even when other processes publish at the same time.
     *
     * @param files file name to content; names are single path segments of {@code [A-Za-z0-9_.-]}, not starting with
     *     '.', and not {@code manifest.json}
     * @return the new version, its directory read-only
     */
    public ArtifactVersion publish(String table, ManifestDraft draft, Map<String, ArtifactFile> files) {
        ArtifactPreconditions.checkTableName(table);
        Objects.requireNonNull(draft, "draft must not be null");
        Objects.requireNonNull(files, "files must not be null");
        files.forEach((name, content) -> {
            ArtifactPreconditions.checkFileName(name);
            Objects.requireNonNull(content, () -> "content of file '" + name + "' must not be null");
        });
        Path tableDirectory = root.resolve(table);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return VersionWriter.publish(tableDirectory, table, draft, files, createdAt,
                () -> versionNumbers(tableDirectory).stream().mapToInt(Integer::intValue).max().orElse(0) + 1);
    }

    /** Every version of a table, failing ones included, by ascending number; empty for an unknown table. */
    public List<ArtifactVersion> versions(String table) {
        ArtifactPreconditions.checkTableName(table);
        Path tableDirectory = root.resolve(table);
        List<ArtifactVersion> versions = new ArrayList<>();
        for (int number : versionNumbers(tableDirectory)) {
            versions.add(read(table, number, versionDirectory(tableDirectory, number)));
        }
        return versions;
    }

    /** The highest version that passed the quality gate, its files verified; empty when there is none. */
    public Optional<ArtifactVersion> latest(String table) {
        return latestOf(versions(table));
    }

    private static Optional<ArtifactVersion> latestOf(List<ArtifactVersion> versions) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).manifest().gatePassed()) {
                return Optional.of(ArtifactVerifier.verify(versions.get(i)));
            }
        }
        return Optional.empty();
    }

    /**
     * A version by spec, its files verified: {@code "latest"} (the highest that passed the gate) or a number,
     * {@code "v3"} or {@code "3"}. A version named by number is returned even when it failed the gate.
     *
     * @throws ArtifactNotFoundException no such version, or the table has none
     * @throws NoPassingVersionException "latest" asked for but no version passed the gate
     */
    public ArtifactVersion resolve(String table, String versionSpec) {
        ArtifactPreconditions.checkTableName(table);
        if (versionSpec == null) {
            throw new IllegalArgumentException("version must be 'latest', 'v<N>' or '<N>'. Provided value: null");
        }
        String spec = versionSpec.strip();
        if (spec.toLowerCase(Locale.ROOT).equals(LATEST)) {
            List<ArtifactVersion> versions = versions(table);
            if (versions.isEmpty()) {
                throw new ArtifactNotFoundException("table " + table + " has no versions under " + root
                        + "; train and publish one first");
            }
            return latestOf(versions).orElseThrow(() -> new NoPassingVersionException(table, versions));
        }
        Matcher number = VERSION_SPEC.matcher(spec);
        if (!number.matches()) {
            throw new IllegalArgumentException("version must be 'latest', 'v<N>' or '<N>' with N >= 1. Provided"
                    + " value: '" + versionSpec + "'");
        }
        Path tableDirectory = root.resolve(table);
        int version = Integer.parseInt(number.group(1));
        Path directory = versionDirectory(tableDirectory, version);
        if (!Files.isDirectory(directory)) {
            throw new ArtifactNotFoundException("table " + table + " has no version v" + version + " under " + root
                    + "; its versions are " + versionNumbers(tableDirectory).stream().map(n -> "v" + n).toList());
        }
        return ArtifactVerifier.verify(read(table, version, directory));
    }

    /**
     * A version from a path, its files verified: either a version directory (one holding {@code manifest.json},
     * wherever it lies) or a table directory of a store, which gives its latest version that passed the gate.
     */
    public static ArtifactVersion open(Path directory) {
        Objects.requireNonNull(directory, "directory must not be null");
        if (Files.isRegularFile(directory.resolve(ArtifactPreconditions.MANIFEST_FILE))) {
            Manifest manifest = ManifestCodec.read(directory);
            return ArtifactVerifier.verify(
                    new ArtifactVersion(manifest.table(), manifest.version(), directory, manifest));
        }
        if (!Files.isDirectory(directory)) {
            throw new ArtifactNotFoundException("no model directory " + directory);
        }
        Path absolute = directory.toAbsolutePath().normalize();
        if (absolute.getParent() == null || versionNumbers(absolute).isEmpty()) {
            throw new ArtifactNotFoundException(directory + " holds neither manifest.json nor version directories"
                    + " (v1, v2, ...); name a version directory such as <root>/customers/v3 or a table directory"
                    + " such as <root>/customers");
        }
        ArtifactStore store = builder().setRoot(absolute.getParent()).build();
        return store.resolve(absolute.getFileName().toString(), LATEST);
    }

    /** Checks every file of a version against its manifest (as loading does), e.g. for one from {@link #versions}. */
    public static ArtifactVersion verify(ArtifactVersion version) {
        return ArtifactVerifier.verify(version);
    }

    /**
     * Fails when a version was trained on another schema than the caller's.
     *
     * @throws SchemaMismatchException the fingerprints differ
     */
    public static void verifySchema(ArtifactVersion version, String expectedSchemaFingerprint) {
        Objects.requireNonNull(expectedSchemaFingerprint, "expectedSchemaFingerprint must not be null");
        String trainedOn = version.manifest().schemaFingerprint();
        if (!trainedOn.equals(expectedSchemaFingerprint)) {
            throw new SchemaMismatchException(version.label(), trainedOn, expectedSchemaFingerprint);
        }
    }

    /**
     * Deletes the temporary directories that crashed publishers left, once they are older than the builder's
     * {@code staleAfter} (younger ones may belong to a publisher still writing).
     *
     * @return how many were deleted
     */
    public int cleanStaleTemporaries() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(staleAfter);
        int deleted = 0;
        try (Stream<Path> tables = Files.list(root)) {
            for (Path table : tables.filter(Files::isDirectory).toList()) {
                try (Stream<Path> entries = Files.list(table)) {
                    for (Path entry : entries.toList()) {
                        boolean temporary = entry.getFileName().toString().startsWith(VersionWriter.TEMPORARY_PREFIX);
                        if (temporary && Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff)) {
                            deleteRecursively(entry);
                            LOG.info("deleted stale temporary directory {}", entry);
                            deleted++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("could not clean temporary directories under " + root + ": " + e, e);
        }
        return deleted;
    }

    @Override
    public String toString() {
        return "ArtifactStore[" + root + "]";
    }

    static Path versionDirectory(Path tableDirectory, int version) {
        return tableDirectory.resolve("v" + version);
    }

    /** The version numbers present, ascending; anything else in the directory (temporaries) is ignored. */
    static List<Integer> versionNumbers(Path tableDirectory) {
        if (!Files.isDirectory(tableDirectory)) {
            return List.of();
        }
        List<Integer> numbers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tableDirectory)) {
            for (Path entry : entries) {
                Matcher matcher = VERSION_DIRECTORY.matcher(entry.getFileName().toString());
                if (matcher.matches() && Files.isDirectory(entry)) {
                    numbers.add(Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            throw new ArtifactException("could not list " + tableDirectory + ": " + e, e);
        }
        numbers.sort(Comparator.naturalOrder());
        return numbers;
    }

    /** Deletes a tree, making read-only directories writable first; best effort. */
    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(directory)) {
            List<Path> paths = tree.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            for (Path path : paths) {
                if (Files.isDirectory(path)) {
                    trySetPermissions(path, "rwx------");
                }
            }
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", directory, e.toString());
        }
    }

    private static void trySetPermissions(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("could not change permissions of {}: {}", path, e.toString());
        }
    }

    private static ArtifactVersion read(String table, int version, Path directory) {
        Manifest manifest = ManifestCodec.read(directory);
        if (!manifest.table().equals(table) || manifest.version() != version) {
            throw new ArtifactCorruptedException(directory, ArtifactPreconditions.MANIFEST_FILE, "describes "
                    + manifest.table() + "/v" + manifest.version() + " but lies in " + table + "/v" + version);
        }
        return new ArtifactVersion(table, version, directory, manifest);
    }

    /** {@code setRoot} is required; the rest have defaults. */
    public static final class Builder {
        private Path root;
        private Clock clock = Clock.systemUTC();
        private Duration staleAfter = Duration.ofHours(1);

        private Builder() {}

        /** The directory that holds one directory per table; created on the first publish. */
        public Builder setRoot(Path root) {
            this.root = Objects.requireNonNull(root, "root must not be null");
            return this;
        }

        /** The clock for {@code created_at} and the age of temporaries. Default: the system clock, UTC. */
        public Builder optClock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /** The age after which {@link #cleanStaleTemporaries()} deletes a temporary directory. Default: one hour. */
        public Builder optStaleAfter(Duration staleAfter) {
            Objects.requireNonNull(staleAfter, "staleAfter must not be null");
            if (staleAfter.isNegative() || staleAfter.isZero()) {
                throw new IllegalArgumentException("staleAfter must be positive. Provided value: " + staleAfter);
            }
            this.staleAfter = staleAfter;
            return this;
        }

        public ArtifactStore build() {
            if (root == null) {
                throw new IllegalStateException("root is required: call setRoot");
            }
            return new ArtifactStore(root, clock, staleAfter);
        }
    }
}
