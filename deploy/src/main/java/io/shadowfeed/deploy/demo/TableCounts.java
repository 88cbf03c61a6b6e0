package io.shadowfeed.deploy.demo;

/**
 * Records of one table at one moment.
 *
 * @param in records replayed into the input topic
 * @param out committed records in the output topic
 * @param deadLetters committed dead letters of this table
 */
public record TableCounts(String table, long in, long out, long deadLetters) {

    /** Every input record yielded exactly one output record or one dead letter. */
    public boolean balanced() {
        return in == out + deadLetters;
    }
}
