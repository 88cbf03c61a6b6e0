package io.shadowfeed.privacy.pii.policy;

import java.io.Serializable;

/**
 * What happens to one field on its way to the anonymized zone. Implementations are immutable, thread-safe and total:
 * every input value, null included, yields an output value, never an exception (null stays null for every policy
 * that keeps the field).
 *
 * <p>Values are plain Java: {@code String}, {@code Integer}, {@code Long}, {@code Float}, {@code Double},
 * {@code Boolean}, {@code byte[]} or null; an {@code Integer} of a date field is epoch days and a {@code Long} of a
 * timestamp field epoch milliseconds (as the Avro logical types carry them). Other types are handled through their
 * text.
 *
 * <p>Policies are {@link Serializable} so that they can ship inside a job graph. Keyed policies (pseudonymize,
 * encrypt, fake) serialize a {@link io.shadowfeed.privacy.keys.KeyReference} (where keys come from and the key id),
 * never key material; they resolve the key in {@link #open()} or on first use.
 */
public interface FieldPolicy extends Serializable {

    /** The name as written in a pipeline spec, such as {@code mask:4} or {@code pseudonymize:digits@k1}. */
    String spec();

    OutputShape outputShape();

    /** The policy applied to a value alone (a fake is then seeded by the value itself). */
    Object apply(Object value);

    /**
     * The policy applied to a value with the rest of its row: fakes take their locale from the row's country field
     * and their seed from the row's entity key, so that one person's fields agree. Policies that need no context
     * ignore it; {@link #usesRowContext()} says which do.
     */
    default Object apply(Object value, RowContext row) {
        return apply(value);
    }

    /** Whether {@link #apply(Object, RowContext)} can give a different result than {@link #apply(Object)}. */
    default boolean usesRowContext() {
        return false;
    }

    /**
     * Resolves keys and warms caches, so that a missing key fails the task at start and not at the first record.
     * Call it where the policy will run (a Flink operator's {@code open}); idempotent and thread-safe.
     *
     * @throws io.shadowfeed.privacy.keys.KeyException if the policy's key cannot be resolved
     */
    default void open() {}
}
