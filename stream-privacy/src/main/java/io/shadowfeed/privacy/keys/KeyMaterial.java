package io.shadowfeed.privacy.keys;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One secret with its id. The raw secret never leaves this object: policies ask for purpose-bound subkeys with
 * {@link #derive(String, int)} (HKDF, RFC 5869, with HMAC-SHA256), so a pseudonymization key and an encryption key
 * derived from the same secret are independent.
 *
 * <p>Deliberately not {@link java.io.Serializable}: a key must never travel inside a job graph, a checkpoint or an
 * artifact. {@link #toString()} shows the id and the size only.
 */
public final class KeyMaterial {

    /** The shortest secret accepted: 128 bits. */
    public static final int MIN_BYTES = 16;
    /** The longest secret accepted. */
    public static final int MAX_BYTES = 1024;

    private static final byte[] HKDF_SALT = "shadowfeed/keys/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_BYTES = 32;

    private final String id;
    private final int bits;
    /** HKDF-Extract(salt, secret): the pseudorandom key all subkeys are expanded from. */
    private final byte[] prk;

    private KeyMaterial(String id, byte[] secret) {
        this.id = id;
        this.bits = secret.length * 8;
        this.prk = hmac(HKDF_SALT, secret);
    }

    /**
     * @param secret at least {@value #MIN_BYTES} bytes (32 recommended); copied, the caller may wipe its array
     * @throws KeyConfigurationException naming the id (never the bytes) if the id or the length is not acceptable
     */
    public static KeyMaterial of(String id, byte[] secret) {
        KeyIds.check(id, "key");
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_BYTES || secret.length > MAX_BYTES) {
            throw new KeyConfigurationException("key '" + id + "' has " + secret.length + " bytes; between "
                    + MIN_BYTES + " (128 bits) and " + MAX_BYTES + " are accepted, 32 recommended");
        }
        return new KeyMaterial(id, secret);
    }

    public String id() {
        return id;
    }

    /** The size of the secret in bits. */
    public int bits() {
        return bits;
    }

    /**
     * A subkey for one purpose: HKDF-Expand(PRK, info = purpose, length). Different purposes give independent keys;
     * the same purpose always gives the same key.
     *
     * @param purpose a stable label such as {@code "shadowfeed/pseudonymize/v1"}
     * @param length 1 to 8160 bytes
     */
    public byte[] derive(String purpose, int length) {
        Objects.requireNonNull(purpose, "purpose");
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("length must be in [1, 8160]. Provided value: " + length);
        }
        byte[] info = purpose.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            for (int block = 1, offset = 0; offset < length; block++) {
                mac.update(previous);
                mac.update(info);
                mac.update((byte) block);
                previous = mac.doFinal();
                int n = Math.min(HASH_BYTES, length - offset);
                System.arraycopy(previous, 0, out, offset, n);
                offset += n;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        } finally {
            Arrays.fill(previous, (byte) 0);
        }
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "KeyMaterial[id=" + id + ", bits=" + bits + "]";
    }
}
