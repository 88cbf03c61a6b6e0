package io.shadowfeed.privacy.pii.policy;

/** What a policy does to its field's declared type in the output schema. */
public enum OutputShape {
    /** The field keeps its input type and nullability. */
    SAME_TYPE,
    /** The field becomes a string (of the same nullability). */
    STRING,
    /** The field stays, always null. */
    ALWAYS_NULL,
    /** The field is removed from the output schema. */
    REMOVED
}
