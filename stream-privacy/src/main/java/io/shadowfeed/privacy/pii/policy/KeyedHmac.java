package io.shadowfeed.privacy.pii.policy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * HMAC-SHA256 of a value's canonical encoding under one derived key, with a {@link Mac} and a buffer per thread.
 * Internal; not serializable (holds a key), so policies keep it in a transient field.
 *
 * <p>The canonical encoding makes equal values hash equally whatever their Java type where that is what joins need:
 * an integral number is hashed as its decimal text, so {@code 42}, {@code 42L} and {@code "42"} give one pseudonym
 * and a key stays joinable when one topic stores it as an int and another as a string. It is injective otherwise:
 * ASCII text is hashed byte for byte under one tag, other text as UTF-16 code units (unpaired surrogates included)
 * under another, and bytes under a third.
 */
final class KeyedHmac {

    static final int LENGTH = 32;

    private static final byte TAG_ASCII = 'a';
    private static final byte TAG_UTF16 = 'u';
    private static final byte TAG_BYTES = 'b';
    private static final int BUFFER = 256;

    private final SecretKeySpec key;
    private final ThreadLocal<State> states;

    KeyedHmac(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        Arrays.fill(key, (byte) 0);
        this.states = ThreadLocal.withInitial(() -> new State(newMac()));
        states.get();
    }

    /** HMAC(key, domain || tag || canonical(value)); {@code value} must not be null. */
    byte[] mac(byte domain, Object value) {
        State state = states.get();
        state.mac.update(domain);
        return finish(state, value);
    }

    /**
     * As {@link #mac(byte, Object)} within a named scope (a token prefix names a key space): equal values in
     * different scopes get unrelated tags. The scope is length-prefixed, so no scope/value split is ambiguous.
     */
    byte[] mac(byte domain, byte[] scope, Object value) {
        State state = states.get();
        state.mac.update(domain);
        state.mac.update((byte) scope.length);
        state.mac.update(scope);
        return finish(state, value);
    }

    private static byte[] finish(State state, Object value) {
        Mac mac = state.mac;
        if (value instanceof byte[] bytes) {
            mac.update(TAG_BYTES);
            mac.update(bytes);
        } else {
            text(state, canonicalText(value));
        }
        return mac.doFinal();
    }

    /** HMAC(key, domain || parts...) over ASCII-only labels and a previous tag; for expansions and sub-seeds. */
    byte[] mac(byte domain, byte[] previous, int counter) {
        Mac mac = states.get().mac;
        mac.update(domain);
        mac.update(previous);
        mac.update((byte) (counter >>> 24));
        mac.update((byte) (counter >>> 16));
        mac.update((byte) (counter >>> 8));
        mac.update((byte) counter);
        return mac.doFinal();
    }

    static String canonicalText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Long.toString(((Number) value).longValue());
        }
        if (value instanceof BigInteger integer) {
            return integer.toString();
        }
        return Values.text(value);
    }

    private static void text(State state, String text) {
        Mac mac = state.mac;
        byte[] buffer = state.buffer;
        int length = text.length();
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        mac.update(ascii ? TAG_ASCII : TAG_UTF16);
        int fill = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (ascii) {
                buffer[fill++] = (byte) c;
            } else {
                buffer[fill++] = (byte) (c >>> 8);
                buffer[fill++] = (byte) c;
            }
            if (fill >= BUFFER - 1) {
                mac.update(buffer, 0, fill);
                fill = 0;
            }
        }
        mac.update(buffer, 0, fill);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static final class State {
        final Mac mac;
        final byte[] buffer = new byte[BUFFER];

        State(Mac mac) {
            this.mac = mac;
        }
    }
}
