package io.shadowfeed.privacy.keys;

import java.nio.file.Paths;
import java.util.Objects;

/**
 * Chooses the source where {@link #load()} runs: the file named by {@code SHADOWFEED_KEYS_FILE} if set, else
 * {@code SHADOWFEED_KEYS} (with {@code SHADOWFEED_ACTIVE_KEY_ID}), else fails with a message that says how to
 * configure keys.
 */
public final class AutoKeyProvider implements KeyProvider {

    private static final long serialVersionUID = 1L;

    /** The variable with the path of a keys file. */
    public static final String FILE_VARIABLE = "SHADOWFEED_KEYS_FILE";

    private final Environment environment;

    AutoKeyProvider(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public KeyRing load() {
        return resolve().load();
    }

    /** The provider the environment selects now. */
    public KeyProvider resolve() {
        String file = environment.get(FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            return new FileKeyProvider(Paths.get(file.strip()), false);
        }
        String keys = environment.get(EnvironmentKeyProvider.KEYS_VARIABLE);
        if (keys != null && !keys.isBlank()) {
            return new EnvironmentKeyProvider(EnvironmentKeyProvider.KEYS_VARIABLE,
                    EnvironmentKeyProvider.ACTIVE_VARIABLE, environment);
        }
        throw new KeyConfigurationException("no keys configured: set " + FILE_VARIABLE + " to a keys file "
                + "({\"active\": \"<id>\", \"keys\": {\"<id>\": \"<base64>\"}}, chmod 600) or "
                + EnvironmentKeyProvider.KEYS_VARIABLE + " (and " + EnvironmentKeyProvider.ACTIVE_VARIABLE
                + "); for local demos only, use the development key source");
    }

    @Override
    public String describe() {
        return "keys from " + FILE_VARIABLE + " or " + EnvironmentKeyProvider.KEYS_VARIABLE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoKeyProvider other && environment.equals(other.environment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(AutoKeyProvider.class, environment);
    }

    @Override
    public String toString() {
        return "AutoKeyProvider";
    }
}
