package io.shadowfeed.privacy.keys;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key as a job graph can carry it: the {@link KeyProvider} (where keys come from) and the key id (or "the active
 * one"). The material is resolved lazily, on first use in the JVM that uses it, and kept in a transient field, so a
 * serialized reference holds no secret.
 *
 * <p>Rings are shared per provider in a JVM (a task manager loads a keys file once, not once per policy). When an id
 * is not in the shared ring the provider is read again once, so a key added by a rotation is found without a restart.
 *
 * <p>Pin the id ({@link #of}) in jobs: with {@link #active}, the active id is read on each task manager, and task
 * managers configured differently would pseudonymize differently.
 */
public final class KeyReference implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<KeyProvider, KeyRing> RINGS = new ConcurrentHashMap<>();

    private final KeyProvider provider;
    /** Null: the provider's active id at resolution time. */
    private final String keyId;

    private transient volatile KeyMaterial material;

    private KeyReference(KeyProvider provider, String keyId) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.keyId = keyId == null ? null : KeyIds.check(keyId, provider.describe());
    }

    /** The key with this id. */
    public static KeyReference of(KeyProvider provider, String keyId) {
        return new KeyReference(provider, Objects.requireNonNull(keyId, "keyId"));
    }

    /** Whichever key the provider marks active when the reference is first resolved in a JVM. */
    public static KeyReference active(KeyProvider provider) {
        return new KeyReference(provider, null);
    }

    public KeyProvider provider() {
        return provider;
    }

    /** The pinned id, or null for "the active one". */
    public String keyId() {
        return keyId;
    }

    public boolean isPinned() {
        return keyId != null;
    }

    /**
     * The key, loaded on first call and cached.
     *
     * @throws MissingKeyException if the provider has no key with the pinned id
     * @throws KeyConfigurationException if the provider cannot load its keys
     */
    public KeyMaterial resolve() {
        KeyMaterial resolved = material;
        if (resolved == null) {
            synchronized (this) {
                resolved = material;
                if (resolved == null) {
                    resolved = lookUp();
                    material = resolved;
                }
            }
        }
        return resolved;
    }

    private KeyMaterial lookUp() {
        KeyRing ring = RINGS.computeIfAbsent(provider, KeyProvider::load);
        if (keyId == null) {
            return ring.active();
        }
        if (!ring.contains(keyId)) {
            ring = provider.load();
            RINGS.put(provider, ring);
        }
        return ring.get(keyId);
    }

    /** The id that {@link #resolve()} gives (resolving if the id is not pinned). */
    public String resolvedKeyId() {
        return keyId != null ? keyId : resolve().id();
    }

    /** Forgets every ring shared in this JVM (tests; or after replacing a keys file's keys in place). */
    public static void clearSharedRings() {
        RINGS.clear();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyReference other && provider.equals(other.provider)
                && Objects.equals(keyId, other.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, keyId);
    }

    @Override
    public String toString() {
        return "KeyReference[" + provider.describe() + ", id=" + (keyId == null ? "<active>" : keyId) + "]";
    }
}
