package io.shadowfeed.privacy.keys;

import java.nio.file.Path;
import java.util.List;

/** Factories for the key sources. */
public final class KeyProviders {

    private KeyProviders() {}

    /**
     * {@code SHADOWFEED_KEYS_FILE} if set, else {@code SHADOWFEED_KEYS}; decided where the keys are loaded (the task
     * managers), so the job graph carries no key and no path.
     */
    public static AutoKeyProvider auto() {
        return new AutoKeyProvider(Environment.SYSTEM);
    }

    /** {@code SHADOWFEED_KEYS} and {@code SHADOWFEED_ACTIVE_KEY_ID}. */
    public static EnvironmentKeyProvider fromEnvironment() {
        return fromEnvironment(EnvironmentKeyProvider.KEYS_VARIABLE, EnvironmentKeyProvider.ACTIVE_VARIABLE);
    }

    /** Keys from the named variables (see {@link EnvironmentKeyProvider} for the formats). */
    public static EnvironmentKeyProvider fromEnvironment(String keysVariable, String activeVariable) {
        return new EnvironmentKeyProvider(keysVariable, activeVariable, Environment.SYSTEM);
    }

    /** A JSON keys file that must not be world-readable (see {@link FileKeyProvider}). */
    public static FileKeyProvider fromFile(Path file) {
        return new FileKeyProvider(file, false);
    }

    /**
     * NOT SECRET, for local demos and tests: one key, id {@value DevelopmentKeyProvider#DEFAULT_KEY_ID}, derived from
     * a fixed passphrase. Logs a warning whenever it is loaded.
     */
    public static DevelopmentKeyProvider development() {
        return development(DevelopmentKeyProvider.DEFAULT_PASSPHRASE, DevelopmentKeyProvider.DEFAULT_KEY_ID);
    }

    /** NOT SECRET: keys derived from {@code passphrase}, one per id; the last id is active. */
    public static DevelopmentKeyProvider development(String passphrase, String... keyIds) {
        return new DevelopmentKeyProvider(passphrase, List.of(keyIds));
    }

    /** A ring that only this JVM can resolve (tests, MiniCluster); see {@link InMemoryKeyProvider}. */
    public static InMemoryKeyProvider inMemory(KeyRing ring) {
        return InMemoryKeyProvider.register(ring);
    }
}
