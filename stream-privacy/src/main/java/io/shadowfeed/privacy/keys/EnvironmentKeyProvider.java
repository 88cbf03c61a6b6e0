package io.shadowfeed.privacy.keys;

import java.util.Objects;

/**
 * Keys from environment variables, read where {@link #load()} runs:
 * {@code SHADOWFEED_KEYS} holds either JSON ({@code {"active": "k2", "keys": {"k1": "<base64>", ...}}}) or a list
 * ({@code k1:<base64>,k2:<base64>}); {@code SHADOWFEED_ACTIVE_KEY_ID} names the active id (it wins over the JSON's
 * {@code active}; it may be left out when there is one key).
 */
public final class EnvironmentKeyProvider implements KeyProvider {

    private static final long serialVersionUID = 1L;

    /** The default variable with the keys. */
    public static final String KEYS_VARIABLE = "SHADOWFEED_KEYS";
    /** The default variable with the active key id. */
    public static final String ACTIVE_VARIABLE = "SHADOWFEED_ACTIVE_KEY_ID";

    private final String keysVariable;
    private final String activeVariable;
    private final Environment environment;

    EnvironmentKeyProvider(String keysVariable, String activeVariable, Environment environment) {
        this.keysVariable = Objects.requireNonNull(keysVariable, "keysVariable");
        this.activeVariable = Objects.requireNonNull(activeVariable, "activeVariable");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public String keysVariable() {
        return keysVariable;
    }

    public String activeVariable() {
        return activeVariable;
    }

    @Override
    public KeyRing load() {
        String keys = environment.get(keysVariable);
        if (keys == null || keys.isBlank()) {
            throw new KeyConfigurationException("environment variable " + keysVariable + " is not set; set it to "
                    + "JSON {\"active\": \"<id>\", \"keys\": {\"<id>\": \"<base64>\"}} or to <id>:<base64>,...");
        }
        String active = environment.get(activeVariable);
        if (active != null && active.isBlank()) {
            active = null;
        }
        if (active != null) {
            KeyIds.check(active.strip(), "environment variable " + activeVariable);
            active = active.strip();
        }
        return KeyRingParser.parse(keys, active, describe());
    }

    @Override
    public String describe() {
        return "environment variable " + keysVariable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvironmentKeyProvider other && keysVariable.equals(other.keysVariable)
                && activeVariable.equals(other.activeVariable) && environment.equals(other.environment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keysVariable, activeVariable, environment);
    }

    @Override
    public String toString() {
        return "EnvironmentKeyProvider[" + keysVariable + ", " + activeVariable + "]";
    }
}
