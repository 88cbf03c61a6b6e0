package io.shadowfeed.privacy.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * FOR LOCAL DEMOS AND TESTS ONLY: keys derived from a passphrase that is written in code or configuration, so anyone
 * can recompute them, reverse {@code encrypt} and link pseudonyms back to real values by trying candidates. Every
 * {@link #load()} logs a warning that says so.
 *
 * <p>Each key id gets {@code SHA-256("shadowfeed-development-key|" + passphrase + "|" + id)}. The passphrase is part
 * of this provider and therefore of the job graph: that is acceptable because it is not a secret by construction.
 */
public final class DevelopmentKeyProvider implements KeyProvider {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentKeyProvider.class);

    /** The passphrase of {@link KeyProviders#development()}. */
    public static final String DEFAULT_PASSPHRASE = "shadowfeed-development-only-not-a-secret";
    /** The key id of {@link KeyProviders#development()}. */
    public static final String DEFAULT_KEY_ID = "dev";

    private final String passphrase;
    private final List<String> ids;

    DevelopmentKeyProvider(String passphrase, List<String> ids) {
        this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("ids must not be empty: the last one is the active key id");
        }
        ids.forEach(id -> KeyIds.check(id, "development key source"));
        this.ids = List.copyOf(ids);
    }

    /** The key ids, oldest first; the last is active. */
    public List<String> ids() {
        return ids;
    }

    @Override
    public KeyRing load() {
        LOG.warn("!!! DEVELOPMENT KEYS IN USE (ids {}): derived from a fixed passphrase, NOT SECRET. Pseudonyms can "
                + "be linked back to real values and encrypted fields decrypted by anyone. Never use the development "
                + "key source outside local demos and tests; configure SHADOWFEED_KEYS_FILE or SHADOWFEED_KEYS. !!!",
                ids);
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        for (String id : ids) {
            secrets.put(id, derive(passphrase, id));
        }
        return KeyRing.of(ids.get(ids.size() - 1), secrets, describe());
    }

    private static byte[] derive(String passphrase, String id) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return sha.digest(("shadowfeed-development-key|" + passphrase + "|" + id)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String describe() {
        return "development key source (NOT SECRET)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DevelopmentKeyProvider other && passphrase.equals(other.passphrase)
                && ids.equals(other.ids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(passphrase, ids);
    }

    @Override
    public String toString() {
        return "DevelopmentKeyProvider" + ids;
    }
}
