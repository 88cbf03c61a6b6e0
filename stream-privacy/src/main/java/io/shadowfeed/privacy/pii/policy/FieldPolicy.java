package io.shadowfeed.privacy.pii.policy;

import java.io.Serializable;

/**
 * What happens to one field on its way to the anonymized zone. Implementations are immutable, thread-safe and total:
 * every input value, null included, yields an output value, never an exception.
 *
 * <p>Values are plain Java: {@code String}, {@code Integer}, {@code Long}, {@code Float}, {@code Double},
 * {@code Boolean}, {@code byte[]} or null.
 */
public interface FieldPolicy extends Serializable {

    /** The name as written in a pipeline spec, such as {@code mask:4}. */
    String spec();

    OutputShape outputShape();

    Object apply(Object value);
}
