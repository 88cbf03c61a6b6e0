package io.shadowfeed.privacy.pii.policy;

import io.shadowfeed.privacy.keys.KeyProvider;
import io.shadowfeed.privacy.keys.KeyProviders;
import io.shadowfeed.privacy.keys.KeyRing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keys and helpers the policy tests share: two fixed keys in an in-memory ring (k1 old, k2 active). */
final class TestKeys {

    static final byte[] K1 = fill(32, 11);
    static final byte[] K2 = fill(32, 29);
    static final KeyProvider KEYS;

    static {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        secrets.put("k1", K1.clone());
        secrets.put("k2", K2.clone());
        KEYS = KeyProviders.inMemory(KeyRing.of("k2", secrets));
    }

    private TestKeys() {}

    static PolicyParser parser(String keyId) {
        return FieldPolicies.parser().keys(KEYS).keyId(keyId).build();
    }

    static FieldPolicy parse(String spec) {
        return parser("k1").parse(spec);
    }

    static byte[] fill(int length, int seed) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed * 17 + i * 13 + 5);
        }
        return out;
    }

    static byte[] serialize(Object o) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
                stream.writeObject(o);
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T o) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(o)))) {
            return (T) in.readObject();
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the raw bytes (or their base64 or hex) occur in {@code haystack}. */
    static boolean leaks(byte[] haystack, byte[] secret) {
        String h = new String(haystack, StandardCharsets.ISO_8859_1);
        return h.contains(new String(secret, StandardCharsets.ISO_8859_1))
                || h.contains(Base64.getEncoder().encodeToString(secret))
                || h.toLowerCase().contains(java.util.HexFormat.of().formatHex(secret));
    }

    static boolean leaks(String text, byte[] secret) {
        return leaks(text.getBytes(StandardCharsets.ISO_8859_1), secret);
    }
}
