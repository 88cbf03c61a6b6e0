package io.shadowfeed.avro.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * The compatibility levels of Confluent Schema Registry. BACKWARD: the new schema can read data written with the
 * previous one; FORWARD: the previous schema can read data written with the new one; FULL: both; the
 * {@code _TRANSITIVE} variants check against every live version instead of the latest only; NONE: no check.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Whether the new schema must be able to read data written with the old ones. */
    public boolean checksBackward() {
        return backward;
    }

    /** Whether the old schemas must be able to read data written with the new one. */
    public boolean checksForward() {
        return forward;
    }

    /** Whether every live version is checked, not only the latest. */
    public boolean isTransitive() {
        return transitive;
    }

    /** The level with this name, ignoring case; empty for anything else (including null). */
    public static Optional<CompatibilityLevel> forName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
