package io.shadowfeed.trainer.artifact;

import static io.shadowfeed.trainer.artifact.ArtifactFixtures.draft;
import static io.shadowfeed.trainer.artifact.ArtifactFixtures.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

class ArtifactStoreTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00.123456Z");

    @TempDir
    Path root;

    private ArtifactStore store;

    @BeforeEach
    void createStore() {
        store = ArtifactStore.builder().setRoot(root).optClock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @Test
    void latestIsTheHighestVersionThatPassedTheGate() {
        store.publish("customers", draft(true, null), files("one"));
        store.publish("customers", draft(false, "quality 0.71 < 0.80"), files("two"));
        store.publish("customers", draft(true, null), files("three"));

        assertThat(store.versions("customers")).extracting(ArtifactVersion::version).containsExactly(1, 2, 3);
        assertThat(store.versions("customers")).extracting(v -> v.manifest().gatePassed())
                .containsExactly(true, false, true);
        assertThat(store.latest("customers")).map(ArtifactVersion::version).contains(3);
        assertThat(store.resolve("customers", "latest").version()).isEqualTo(3);
    }

    @Test
    void aFailingVersionAfterAPassingOneIsKeptButNeverLatest() {
        store.publish("customers", draft(true, null), files("one"));
        ArtifactVersion failed = store.publish("customers", draft(false, null), files("two"));

        assertThat(failed.version()).isEqualTo(2);
        assertThat(Files.isDirectory(failed.directory())).isTrue();
        assertThat(store.latest("customers")).map(ArtifactVersion::version).contains(1);
        assertThat(store.resolve("customers", "latest").version()).isEqualTo(1);
    }

    @Test
    void noPassingVersionNamesEachVersionAndItsGateSummary() {
        store.publish("customers", draft(false, "quality 0.71 < 0.80"), files("one"));
        store.publish("customers", draft(false, null), files("two"));

        assertThat(store.latest("customers")).isEmpty();
        assertThatThrownBy(() -> store.resolve("customers", "latest"))
                .isInstanceOf(NoPassingVersionException.class)
                .hasMessageContaining("no version of table customers passed the quality gate")
                .hasMessageContaining("v1 (failed: quality 0.71 < 0.80), v2 (failed)");
    }

    @Test
    void anUnknownTableOrVersionIsNotFound() {
        assertThat(store.versions("customers")).isEmpty();
        assertThat(store.latest("customers")).isEmpty();
        assertThatThrownBy(() -> store.resolve("customers", "latest"))
                .isInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining("table customers has no versions");

        store.publish("customers", draft(true, null), files("one"));
        assertThatThrownBy(() -> store.resolve("customers", "v7"))
                .isInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining("has no version v7")
                .hasMessageContaining("[v1]");
        assertThatThrownBy(() -> store.resolve("customers", "v0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'latest', 'v<N>' or '<N>'");
    }

    @Test
    void aVersionNamedByNumberIsReturnedEvenWhenItFailedTheGate() {
        store.publish("customers", draft(true, null), files("one"));
        store.publish("customers", draft(false, null), files("two"));

        assertThat(store.resolve("customers", "v2").version()).isEqualTo(2);
        assertThat(store.resolve("customers", "2").manifest().gatePassed()).isFalse();
        assertThat(store.resolve("customers", "1").manifest().gatePassed()).isTrue();
    }

    @Test
    void publishedFilesAndManifestMatchWhatWasGiven() throws IOException {
        byte[] weights = {0, 1, 2, (byte) 0xff};
        ArtifactVersion version = store.publish("customers", draft(true, null), Map.of(
                "generator.params", out -> new DataOutputStream(out).write(weights), // left unflushed
                "transformer.json", ArtifactFile.ofJson(ArtifactFixtures.json("{\"a\": 1}")),
                "notes.txt", out -> {
                    out.write("closed by the writer".getBytes(StandardCharsets.UTF_8));
                    out.close();
                }));

        assertThat(version.directory()).isEqualTo(root.resolve("customers").resolve("v1"));
        assertThat(Files.readAllBytes(version.file("generator.params"))).isEqualTo(weights);
        assertThat(Files.readString(version.file("notes.txt"))).isEqualTo("closed by the writer");
        Manifest manifest = version.manifest();
        assertThat(manifest.files()).containsOnlyKeys("generator.params", "transformer.json", "notes.txt");
        assertThat(manifest.files().get("generator.params"))
                .isEqualTo(new FileDigest(Fingerprints.sha256(weights), weights.length));
        assertThat(manifest.createdAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123Z"));
        assertThat(manifest.formatVersion()).isEqualTo(Manifest.CURRENT_FORMAT_VERSION);
        assertThat(manifest.draft()).isEqualTo(draft(true, null));
        assertThat(ManifestCodec.read(version.directory())).isEqualTo(manifest);
        assertThatThrownBy(() -> version.file("missing.bin"))
                .isInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining("customers/v1 has no file 'missing.bin'");
    }

    @Test
    void aPublishedVersionIsReadOnly() throws IOException {
        ArtifactVersion version = store.publish("customers", draft(true, null), files("one"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(version.directory())))
                .isEqualTo("r-xr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(version.file("generator.params"))))
                .isEqualTo("r--r--r--");
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(version.directory().resolve("manifest.json")))).isEqualTo("r--r--r--");
    }

    @Test
    void aChangedByteIsReportedWithTheFileName() throws IOException {
        ArtifactVersion version = store.publish("customers", draft(true, null), files("weights"));
        Path file = writable(version.file("generator.params"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[2] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(() -> store.resolve("customers", "latest"))
                .isInstanceOfSatisfying(ArtifactCorruptedException.class,
                        e -> assertThat(e.file()).isEqualTo("generator.params"))
                .hasMessageContaining("generator.params has SHA-256 " + Fingerprints.sha256(bytes))
                .hasMessageContaining("manifest.json says " + Fingerprints.sha256("weights".getBytes()));
        assertThatThrownBy(() -> ArtifactStore.open(version.directory()))
                .isInstanceOf(ArtifactCorruptedException.class);
    }

    @Test
    void aTruncatedFileIsReportedBySize() throws IOException {
        ArtifactVersion version = store.publish("customers", draft(true, null), files("weights"));
        Files.write(writable(version.file("generator.params")), "weigh".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.resolve("customers", "v1"))
                .isInstanceOf(ArtifactCorruptedException.class)
                .hasMessageContaining("generator.params has 5 bytes, manifest.json says 7");
    }

    @Test
    void aDeletedFileIsReported() throws IOException {
        ArtifactVersion version = store.publish("customers", draft(true, null), files("weights"));
        writable(version.directory());
        Files.delete(version.file("transformer.json"));

        assertThatThrownBy(() -> store.latest("customers"))
                .isInstanceOfSatisfying(ArtifactCorruptedException.class,
                        e -> assertThat(e.file()).isEqualTo("transformer.json"))
                .hasMessageContaining("transformer.json is missing");
    }

    @Test
    void anUnlistedFileIsReported() throws IOException {
        ArtifactVersion version = store.publish("customers", draft(true, null), files("weights"));
        Files.writeString(writable(version.directory()).resolve("extra.bin"), "x");

        assertThatThrownBy(() -> store.resolve("customers", "latest"))
                .isInstanceOfSatisfying(ArtifactCorruptedException.class,
                        e -> assertThat(e.file()).isEqualTo("extra.bin"))
                .hasMessageContaining("extra.bin is not listed in manifest.json");
    }

    @Test
    void aManifestInTheWrongDirectoryIsReported() throws IOException {
        ArtifactVersion version = store.publish("customers", draft(true, null), files("weights"));
        Files.move(version.directory(), root.resolve("customers").resolve("v5"));

        assertThatThrownBy(() -> store.versions("customers"))
                .isInstanceOf(ArtifactCorruptedException.class)
                .hasMessageContaining("describes customers/v1 but lies in customers/v5");
    }

    @Test
    void aDifferentSchemaFingerprintIsAMismatch() {
        ArtifactVersion version = store.publish("customers", draft(true, null), files("one"));

        ArtifactStore.verifySchema(version, ArtifactFixtures.SCHEMA);
        assertThatThrownBy(() -> ArtifactStore.verifySchema(version, "schema-fp-2"))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> {
                    assertThat(e.trainedOn()).isEqualTo(ArtifactFixtures.SCHEMA);
                    assertThat(e.expected()).isEqualTo("schema-fp-2");
                })
                .hasMessageStartingWith("artifact customers/v1 was trained on schema schema-fp-1 but the stream"
                        + " has schema-fp-2; retrain");
    }

    @Test
    void concurrentPublishersGetDistinctVersions() throws Exception {
        int publishers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(publishers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ArtifactVersion>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < publishers; i++) {
                String content = "publisher-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return store.publish("customers", draft(true, null), files(content));
                }));
            }
            start.countDown();
            List<Integer> numbers = new ArrayList<>();
            for (Future<ArtifactVersion> future : futures) {
                numbers.add(future.get(20, TimeUnit.SECONDS).version());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4);
        } finally {
            pool.shutdownNow();
        }
        for (ArtifactVersion version : store.versions("customers")) {
            ArtifactStore.verify(version);
            assertThat(version.manifest().version()).isEqualTo(version.version());
        }
        assertThat(store.versions("customers")).extracting(v -> Files.readString(v.file("generator.params")))
                .containsExactlyInAnyOrder("publisher-0", "publisher-1", "publisher-2", "publisher-3");
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void aLeftoverTemporaryIsIgnoredAndCleanedOnceStale() throws IOException {
        store.publish("customers", draft(true, null), files("one"));
        Path stale = Files.createDirectories(root.resolve("customers").resolve(".tmp-crashed"));
        Files.writeString(stale.resolve("manifest.json"), "{ half written");
        Files.setLastModifiedTime(stale, FileTime.from(NOW.minus(Duration.ofHours(2))));
        Path fresh = Files.createDirectories(root.resolve("customers").resolve(".tmp-writing"));
        Files.setLastModifiedTime(fresh, FileTime.from(NOW.minus(Duration.ofMinutes(5))));

        assertThat(store.versions("customers")).extracting(ArtifactVersion::version).containsExactly(1);
        assertThat(store.publish("customers", draft(true, null), files("two")).version()).isEqualTo(2);
        assertThat(store.resolve("customers", "latest").version()).isEqualTo(2);

        assertThat(store.cleanStaleTemporaries()).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void aFailingWriterLeavesNoVersionAndNoTemporary() {
        Map<String, ArtifactFile> files = Map.of("generator.params", out -> {
            out.write(1);
            throw new IOException("device full");
        });

        assertThatThrownBy(() -> store.publish("customers", draft(true, null), files))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("generator.params")
                .hasMessageContaining("device full");
        assertThat(store.versions("customers")).isEmpty();
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void namesThatAreNotOnePathSegmentAreRejected() {
        for (String table : List.of(".hidden", "a/b", "..", "", "a b")) {
            assertThatThrownBy(() -> store.publish(table, draft(true, null), files("x")))
                    .as(table).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table name");
        }
        for (String file : List.of("../escape", "a/b", "..", ".hidden", "a..b", "manifest.json")) {
            Map<String, ArtifactFile> files = Map.of(file, ArtifactFile.ofString("x"));
            assertThatThrownBy(() -> store.publish("customers", draft(true, null), files))
                    .as(file).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
        }
        assertThat(root.resolve("customers")).doesNotExist();
    }

    @Test
    void openAcceptsAVersionDirectoryOrATableDirectory() throws IOException {
        store.publish("customers", draft(true, null), files("one"));
        store.publish("customers", draft(true, null), files("two"));
        store.publish("customers", draft(false, null), files("three"));

        assertThat(ArtifactStore.open(root.resolve("customers").resolve("v1")).version()).isEqualTo(1);
        assertThat(ArtifactStore.open(root.resolve("customers")).version()).isEqualTo(2);
        Path empty = Files.createDirectory(root.resolve("empty"));
        assertThatThrownBy(() -> ArtifactStore.open(empty))
                .isInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining("holds neither manifest.json nor version directories");
        assertThatThrownBy(() -> ArtifactStore.open(root.resolve("nowhere")))
                .isInstanceOf(ArtifactNotFoundException.class);
    }

    @Test
    void theBuilderNeedsARoot() {
        assertThatThrownBy(() -> ArtifactStore.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("root is required: call setRoot");
        assertThatThrownBy(() -> ArtifactStore.builder().optStaleAfter(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("staleAfter must be positive");
    }

    private List<Path> temporaries() {
        Path table = root.resolve("customers");
        if (!Files.isDirectory(table)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(table)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Undoes the store's read-only protection on a file or directory (and its directory), as a tamperer would. */
    private static Path writable(Path path) throws IOException {
        Files.setPosixFilePermissions(path.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        return path;
    }
}
