package io.shadowfeed.privacy.keys;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The keys a source holds, by id, and which one is active. Rotation adds a key under a new id and makes it active;
 * the old ids stay so that data written under them can still be read (decrypted, re-linked).
 *
 * <p>Immutable and thread-safe. Deliberately not {@link java.io.Serializable} (see {@link KeyMaterial}): job graphs
 * carry a {@link KeyProvider}, which says where keys come from, and resolve the ring on the task side.
 * {@link #toString()} lists ids only.
 */
public final class KeyRing {

    private final String activeId;
    private final Map<String, KeyMaterial> keys;
    private final String source;

    private KeyRing(String activeId, Map<String, KeyMaterial> keys, String source) {
        this.activeId = activeId;
        this.keys = keys;
        this.source = source;
    }

    /**
     * A ring from raw secrets (for tests and custom providers). The arrays are copied.
     *
     * @throws KeyConfigurationException if an id or secret is not acceptable or the active id is not among the keys
     */
    public static KeyRing of(String activeId, Map<String, byte[]> secrets) {
        return of(activeId, secrets, "in-memory key ring");
    }

    static KeyRing of(String activeId, Map<String, byte[]> secrets, String source) {
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty()) {
            throw new KeyConfigurationException(source + " holds no keys; add at least one key id with its secret");
        }
        Map<String, KeyMaterial> keys = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : secrets.entrySet()) {
            KeyIds.check(entry.getKey(), source);
            keys.put(entry.getKey(), KeyMaterial.of(entry.getKey(), entry.getValue()));
        }
        if (activeId == null) {
            if (keys.size() != 1) {
                throw new KeyConfigurationException(source + " holds " + keys.size() + " keys " + keys.keySet()
                        + " and names no active one; say which id new data uses");
            }
            activeId = keys.keySet().iterator().next();
        }
        if (!keys.containsKey(activeId)) {
            throw new KeyConfigurationException(source + ": active key id '" + activeId + "' is not among its keys "
                    + keys.keySet());
        }
        return new KeyRing(activeId, Collections.unmodifiableMap(keys), source);
    }

    /** Same as {@link #of(String, Map)} with one key, which is active. */
    public static KeyRing single(String id, byte[] secret) {
        return of(id, Map.of(id, Arrays.copyOf(secret, secret.length)));
    }

    /** The id new data is written under. */
    public String activeId() {
        return activeId;
    }

    public KeyMaterial active() {
        return keys.get(activeId);
    }

    /** @throws MissingKeyException naming the id, the source and the ids it does hold */
    public KeyMaterial get(String id) {
        KeyMaterial key = keys.get(id);
        if (key == null) {
            throw new MissingKeyException(id, source, keys.keySet());
        }
        return key;
    }

    public boolean contains(String id) {
        return keys.containsKey(id);
    }

    /** All ids, in the order the source lists them. */
    public Set<String> ids() {
        return keys.keySet();
    }

    /** Where the keys came from, such as {@code keys file /etc/shadowfeed/keys.json}. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "KeyRing[source=" + source + ", active=" + activeId + ", ids=" + keys.keySet() + "]";
    }
}
