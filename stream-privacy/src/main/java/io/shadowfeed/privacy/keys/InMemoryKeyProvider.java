package io.shadowfeed.privacy.keys;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ring held in this JVM, for tests and embedded use. Serializing this provider writes a random handle only, never
 * the keys; the handle resolves in the JVM that registered the ring (a Flink MiniCluster, a unit test) and fails with
 * a {@link KeyConfigurationException} anywhere else.
 */
public final class InMemoryKeyProvider implements KeyProvider {

    private static final long serialVersionUID = 1L;

    private static final Map<String, KeyRing> REGISTERED = new ConcurrentHashMap<>();

    private final String handle;

    private InMemoryKeyProvider(String handle) {
        this.handle = handle;
    }

    static InMemoryKeyProvider register(KeyRing ring) {
        Objects.requireNonNull(ring, "ring");
        String handle = UUID.randomUUID().toString();
        REGISTERED.put(handle, ring);
        return new InMemoryKeyProvider(handle);
    }

    @Override
    public KeyRing load() {
        KeyRing ring = REGISTERED.get(handle);
        if (ring == null) {
            throw new KeyConfigurationException(describe() + " is not registered in this JVM: in-memory keys only "
                    + "work inside the JVM that created them (tests); use a keys file or environment variables");
        }
        return ring;
    }

    @Override
    public String describe() {
        return "in-memory key ring " + handle;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InMemoryKeyProvider other && handle.equals(other.handle);
    }

    @Override
    public int hashCode() {
        return handle.hashCode();
    }

    @Override
    public String toString() {
        return "InMemoryKeyProvider[" + handle + "]";
    }
}
