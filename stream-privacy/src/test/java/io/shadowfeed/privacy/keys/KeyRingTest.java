package io.shadowfeed.privacy.keys;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRingTest {

    static final byte[] K1 = bytes(32, 1);
    static final byte[] K2 = bytes(32, 2);

    @Test
    void resolvesActiveAndOlderIds() {
        KeyRing ring = KeyRing.of("k2", secrets());
        assertThat(ring.activeId()).isEqualTo("k2");
        assertThat(ring.active().id()).isEqualTo("k2");
        assertThat(ring.get("k1").id()).isEqualTo("k1");
        assertThat(ring.ids()).containsExactly("k1", "k2");
        assertThat(ring.contains("k3")).isFalse();
        assertThat(KeyRing.single("only", K1).activeId()).isEqualTo("only");
    }

    @Test
    void missingIdIsATypedExceptionNamingTheIdNotTheMaterial() {
        KeyRing ring = KeyRing.of("k2", secrets());
        assertThatThrownBy(() -> ring.get("k3"))
                .isInstanceOf(MissingKeyException.class)
                .hasMessage("no key with id 'k3' in in-memory key ring; known ids: [k1, k2]. Add the key under that "
                        + "id (old ids must stay resolvable after a rotation) or correct the id")
                .satisfies(e -> assertThat(((MissingKeyException) e).keyId()).isEqualTo("k3"));
    }

    @Test
    void rejectsBadIdsShortKeysAndAmbiguousActive() {
        assertThatThrownBy(() -> KeyRing.of(null, secrets()))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessage("in-memory key ring holds 2 keys [k1, k2] and names no active one; say which id new data "
                        + "uses");
        assertThatThrownBy(() -> KeyRing.of("k9", secrets()))
                .hasMessage("in-memory key ring: active key id 'k9' is not among its keys [k1, k2]");
        assertThatThrownBy(() -> KeyRing.single("k1", new byte[8]))
                .hasMessage("key 'k1' has 8 bytes; between 16 (128 bits) and 1024 are accepted, 32 recommended");
        assertThatThrownBy(() -> KeyRing.single("bad id", K1))
                .hasMessageContaining("key id must be 1 to 64 characters of [A-Za-z0-9._-]");
    }

    @Test
    void keyMaterialNeverAppearsInToStringOrSerializedForm() throws Exception {
        KeyRing ring = KeyRing.of("k2", secrets());
        String b64 = Base64.getEncoder().encodeToString(K1);
        for (String text : new String[] {ring.toString(), ring.active().toString(), ring.get("k1").toString()}) {
            assertThat(text).doesNotContain(b64).doesNotContain(hex(K1)).doesNotContain(hex(K2));
        }
        assertThat(ring.active().toString()).isEqualTo("KeyMaterial[id=k2, bits=256]");
        assertThatThrownBy(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(ring))
                .isInstanceOf(NotSerializableException.class);
        assertThatThrownBy(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(ring.active()))
                .isInstanceOf(NotSerializableException.class);
    }

    @Test
    void derivesIndependentStableSubkeysPerPurposeAndKey() {
        KeyMaterial k1 = KeyMaterial.of("k1", K1);
        assertThat(k1.derive("a", 32)).isEqualTo(KeyMaterial.of("k1", K1.clone()).derive("a", 32));
        assertThat(k1.derive("a", 32)).isNotEqualTo(k1.derive("b", 32));
        assertThat(k1.derive("a", 32)).isNotEqualTo(KeyMaterial.of("k2", K2).derive("a", 32));
        assertThat(k1.derive("a", 80)).startsWith(k1.derive("a", 32));
        assertThat(k1.derive("a", 32)).isNotEqualTo(K1);
    }

    /** RFC 5869 test case 1 checks the HKDF construction the subkeys rest on (salt fixed, so only via expand). */
    @Test
    void hkdfExpandMatchesRfc5869Structure() throws Exception {
        // T(1) = HMAC(PRK, info || 0x01); T(2) = HMAC(PRK, T(1) || info || 0x02)
        KeyMaterial key = KeyMaterial.of("k", K1);
        byte[] okm = key.derive("info", 64);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("shadowfeed/keys/v1".getBytes(), "HmacSHA256"));
        byte[] prk = mac.doFinal(K1);
        mac.init(new javax.crypto.spec.SecretKeySpec(prk, "HmacSHA256"));
        mac.update("info".getBytes());
        mac.update((byte) 1);
        byte[] t1 = mac.doFinal();
        mac.update(t1);
        mac.update("info".getBytes());
        mac.update((byte) 2);
        byte[] t2 = mac.doFinal();
        assertThat(java.util.Arrays.copyOfRange(okm, 0, 32)).isEqualTo(t1);
        assertThat(java.util.Arrays.copyOfRange(okm, 32, 64)).isEqualTo(t2);
    }

    static Map<String, byte[]> secrets() {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        secrets.put("k1", K1.clone());
        secrets.put("k2", K2.clone());
        return secrets;
    }

    static byte[] bytes(int length, int seed) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed * 31 + i * 7);
        }
        return out;
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
