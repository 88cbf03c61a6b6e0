package io.shadowfeed.privacy.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static io.shadowfeed.privacy.keys.KeyRingTest.K1;
import static io.shadowfeed.privacy.keys.KeyRingTest.K2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyProvidersTest {

    private static final String B1 = Base64.getEncoder().encodeToString(K1);
    private static final String B2 = Base64.getUrlEncoder().withoutPadding().encodeToString(K2);

    @TempDir
    Path dir;

    @Test
    void readsTheListFormatFromTheEnvironment() {
        KeyRing ring = env(Map.of("SHADOWFEED_KEYS", " k1:" + B1 + " , k2:" + B2 + " ",
                "SHADOWFEED_ACTIVE_KEY_ID", "k1")).load();
        assertThat(ring.activeId()).isEqualTo("k1");
        assertThat(ring.ids()).containsExactly("k1", "k2");
        assertThat(env(Map.of("SHADOWFEED_KEYS", "solo:" + B1)).load().activeId()).isEqualTo("solo");
    }

    @Test
    void readsTheJsonFormatFromTheEnvironmentAndTheActiveVariableWins() {
        String json = "{\"active\": \"k2\", \"keys\": {\"k1\": \"" + B1 + "\", \"k2\": \"" + B2 + "\"}}";
        assertThat(env(Map.of("SHADOWFEED_KEYS", json)).load().activeId()).isEqualTo("k2");
        assertThat(env(Map.of("SHADOWFEED_KEYS", json, "SHADOWFEED_ACTIVE_KEY_ID", "k1")).load().activeId())
                .isEqualTo("k1");
    }

    @Test
    void environmentErrorsSayWhatToSetAndNeverEchoTheContent() {
        assertThatThrownBy(() -> env(Map.of()).load())
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageStartingWith("environment variable SHADOWFEED_KEYS is not set");
        assertThatThrownBy(() -> env(Map.of("SHADOWFEED_KEYS", "k1:" + B1 + ",k2:" + B2)).load())
                .hasMessage("environment variable SHADOWFEED_KEYS holds 2 keys [k1, k2] and names no active one; "
                        + "say which id new data uses");
        String secretish = "k1:" + B1.substring(0, 20) + "%%%" + B1.substring(20);
        assertThatThrownBy(() -> env(Map.of("SHADOWFEED_KEYS", secretish)).load())
                .hasMessage("environment variable SHADOWFEED_KEYS: key 'k1' is not valid base64")
                .satisfies(e -> assertThat(e.getCause()).isNull());
        String brokenJson = "{\"keys\": {\"k1\": \"" + B1 + "\" " + B2 + "}}";
        assertThatThrownBy(() -> env(Map.of("SHADOWFEED_KEYS", brokenJson)).load())
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageStartingWith("environment variable SHADOWFEED_KEYS is not valid JSON at line 1, column")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(B1).doesNotContain(B2)
                        .doesNotContain(B2.substring(0, 8)))
                .satisfies(e -> assertThat(e.getCause()).isNull());
        assertThatThrownBy(() -> env(Map.of("SHADOWFEED_KEYS", "k1:" + B1, "SHADOWFEED_ACTIVE_KEY_ID", "k2")).load())
                .hasMessage("environment variable SHADOWFEED_KEYS: active key id 'k2' is not among its keys [k1]");
    }

    @Test
    void readsAPrivateKeysFileAndRefusesAWorldReadableOne() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "{\"active\": \"k2\", \"keys\": {\"k1\": \"" + B1 + "\", \"k2\": \"" + B2 + "\"}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(KeyProviders.fromFile(file).load().ids()).containsExactly("k1", "k2");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(KeyProviders.fromFile(file).load().activeId()).isEqualTo("k2"); // group-readable: a warning

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyProviders.fromFile(file).load())
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessage("keys file " + file + " is readable by every user (rw-r--r--); restrict it with chmod 600 "
                        + "(or 640 for a service group)");
        assertThat(KeyProviders.fromFile(file).allowingWorldReadable().load().activeId()).isEqualTo("k2");

        assertThatThrownBy(() -> KeyProviders.fromFile(dir.resolve("absent.json")).load())
                .hasMessage("keys file " + dir.resolve("absent.json") + " does not exist");
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"keys\": {\"k1\": \"" + B1 + "\"}, \"comment\": \"x\"}");
        Files.setPosixFilePermissions(unknown, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> KeyProviders.fromFile(unknown).load())
                .hasMessage("keys file " + unknown + ": unknown field 'comment'; only \"active\" and \"keys\" are "
                        + "allowed");
    }

    @Test
    void autoPrefersTheFileThenTheVariable() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "{\"keys\": {\"fromfile\": \"" + B1 + "\"}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(new AutoKeyProvider(Environment.of(Map.of("SHADOWFEED_KEYS_FILE", file.toString(),
                "SHADOWFEED_KEYS", "fromenv:" + B1))).load().activeId()).isEqualTo("fromfile");
        assertThat(new AutoKeyProvider(Environment.of(Map.of("SHADOWFEED_KEYS", "fromenv:" + B1))).load()
                .activeId()).isEqualTo("fromenv");
        assertThatThrownBy(() -> new AutoKeyProvider(Environment.of(Map.of())).load())
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageStartingWith("no keys configured: set SHADOWFEED_KEYS_FILE to a keys file");
    }

    @Test
    void developmentKeysAreStableAndRotatable() {
        KeyRing dev = KeyProviders.development().load();
        assertThat(dev.activeId()).isEqualTo("dev");
        assertThat(dev.active().derive("x", 16)).isEqualTo(KeyProviders.development().load().active()
                .derive("x", 16));
        KeyRing rotated = KeyProviders.development("demo", "d1", "d2").load();
        assertThat(rotated.activeId()).isEqualTo("d2");
        assertThat(rotated.get("d1").derive("x", 16)).isNotEqualTo(rotated.get("d2").derive("x", 16));
        assertThat(KeyProviders.development().describe()).contains("NOT SECRET");
    }

    @Test
    void providersSerializeWithoutKeysAndInMemoryRingsResolveOnlyInTheirJvm() throws Exception {
        KeyRing ring = KeyRing.single("mem", K1);
        InMemoryKeyProvider provider = KeyProviders.inMemory(ring);
        byte[] bytes = serialize(provider);
        assertThat(contains(bytes, K1)).isFalse();
        KeyProvider copy = (KeyProvider) deserialize(bytes);
        assertThat(copy).isEqualTo(provider);
        assertThat(copy.load()).isSameAs(ring);

        for (KeyProvider p : new KeyProvider[] {KeyProviders.auto(), KeyProviders.fromEnvironment(),
                KeyProviders.fromFile(dir.resolve("k.json")), KeyProviders.development()}) {
            assertThat(deserialize(serialize(p))).isEqualTo(p);
        }
    }

    @Test
    void keyReferencesResolveLazilySerializeNoMaterialAndFindRotatedKeys() throws Exception {
        KeyRing ring = KeyRing.single("k1", K1);
        KeyReference reference = KeyReference.of(KeyProviders.inMemory(ring), "k1");
        assertThat(reference.resolve().id()).isEqualTo("k1");
        byte[] bytes = serialize(reference);
        assertThat(contains(bytes, K1)).isFalse();
        assertThat(contains(bytes, reference.resolve().derive("shadowfeed/pseudonymize/v1", 32))).isFalse();
        KeyReference copy = (KeyReference) deserialize(bytes);
        assertThat(copy).isEqualTo(reference);
        assertThat(copy.resolve().derive("p", 16)).isEqualTo(reference.resolve().derive("p", 16));

        assertThat(KeyReference.active(KeyProviders.development("demo", "d1", "d2")).resolvedKeyId())
                .isEqualTo("d2");
        KeyReference missing = KeyReference.of(KeyProviders.inMemory(ring), "k7");
        assertThatThrownBy(missing::resolve).isInstanceOf(MissingKeyException.class)
                .hasMessageContaining("'k7'").hasMessageNotContaining(B1);
        assertThat(reference.toString()).isEqualTo("KeyReference[" + reference.provider().describe() + ", id=k1]");
    }

    @Test
    void aRotationAddedToAKeysFileIsFoundWithoutARestart() throws Exception {
        Path file = dir.resolve("rotating.json");
        Files.writeString(file, "{\"keys\": {\"r1\": \"" + B1 + "\"}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        FileKeyProvider provider = KeyProviders.fromFile(file);
        assertThat(KeyReference.of(provider, "r1").resolve().id()).isEqualTo("r1");
        Files.writeString(file, "{\"active\": \"r2\", \"keys\": {\"r1\": \"" + B1 + "\", \"r2\": \"" + B2 + "\"}}");
        assertThat(KeyReference.of(provider, "r2").resolve().id()).isEqualTo("r2");
    }

    private static EnvironmentKeyProvider env(Map<String, String> variables) {
        return new EnvironmentKeyProvider("SHADOWFEED_KEYS", "SHADOWFEED_ACTIVE_KEY_ID", Environment.of(variables));
    }

    static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
            stream.writeObject(o);
        }
        return out.toByteArray();
    }

    static Object deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        String h = new String(haystack, StandardCharsets.ISO_8859_1);
        return h.contains(new String(needle, StandardCharsets.ISO_8859_1))
                || h.contains(Base64.getEncoder().encodeToString(needle));
    }
}
