package io.shadowfeed.job.spec;

/** Where a field's policy came from; logged at start so users can see what {@code auto} decided. */
public enum PolicyOrigin {
    /** Written for the field under {@code fields}. */
    DECLARED,
    /** The table's {@code default-policy}. */
    TABLE_DEFAULT,
    /** {@code auto}, decided by the Avro field property {@code "pii"}. */
    AVRO_PROPERTY,
    /** {@code auto} on the table's key: keys are always pseudonymized. */
    KEY_DEFAULT,
    /** A foreign key takes its parent key's policy, so joins on the output hold. */
    FOREIGN_KEY,
    /** {@code auto}, decided by classifying the first records of the input topic when the job started. */
    CLASSIFIED,
    /** {@code auto} not decided yet: the field is dropped until it is (fail closed). */
    PENDING_CLASSIFICATION
}
