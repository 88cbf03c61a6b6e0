package io.shadowfeed.privacy.keys;

import java.io.Serializable;

/**
 * Where keys come from: a file, environment variables, a development passphrase. A provider is a description, not
 * the keys: it is {@link Serializable} so that it can travel inside a Flink job graph, and it holds file paths and
 * variable names only. {@link #load()} runs where the keys are needed (on the task managers) and reads them there.
 *
 * <p>Implementations are immutable and define {@code equals} by what they read, so that
 * {@link KeyReference} can share one loaded ring per source in a JVM.
 */
public interface KeyProvider extends Serializable {

    /**
     * Reads the keys.
     *
     * @throws KeyConfigurationException if the source is missing, unreadable, malformed or insecure
     */
    KeyRing load();

    /** A description for messages and logs, such as {@code keys file /etc/shadowfeed/keys.json}; never secret. */
    String describe();
}
