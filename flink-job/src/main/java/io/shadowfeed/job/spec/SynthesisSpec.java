package io.shadowfeed.job.spec;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How one table is synthesized: the model it starts with and how its children wait for it.
 *
 * @param model the model to serve from the start: {@code latest} (the newest version that passed the gate in the
 *     spec's model store), {@code v<N>}, or a path to an artifact version directory; null: sanitize only until a
 *     version of this table is published to the models topic
 * @param orphans what happens to a record of this table whose parent does not arrive within {@code parentWait}
 * @param parentWait how long, in event time, a record of this table waits for each of its parents
 * @param maxWaiting how many children may wait for one parent key; the next one is an orphan at once (a bound on
 *     the state a parent that never comes can pin)
 * @param stableAttributes whether a key keeps the synthetic values it was first given when it appears again (an
 *     entity such as a customer); null: yes for tables other tables reference, no for the rest (events such as
 *     flights, whose "key" may repeat across unrelated events)
 */
public record SynthesisSpec(String model, OrphanPolicy orphans, Duration parentWait, int maxWaiting,
        Boolean stableAttributes) implements Serializable {

    public static final Duration DEFAULT_PARENT_WAIT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_WAITING = 10_000;

    public SynthesisSpec {
        Objects.requireNonNull(orphans, "orphans");
        Objects.requireNonNull(parentWait, "parentWait");
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("max-waiting must be >= 1. Provided value: " + maxWaiting);
        }
        if (parentWait.isNegative()) {
            throw new IllegalArgumentException("parent-wait must not be negative. Provided value: " + parentWait);
        }
    }

    public static SynthesisSpec defaults() {
        return new SynthesisSpec(null, OrphanPolicy.DEAD_LETTER, DEFAULT_PARENT_WAIT, DEFAULT_MAX_WAITING, null);
    }
}
