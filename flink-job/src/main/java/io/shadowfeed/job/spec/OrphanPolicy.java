package io.shadowfeed.job.spec;

/** What happens to a child whose parent has not arrived within the table's {@code parent-wait}. */
public enum OrphanPolicy {
    /** A parent is generated on demand (its key is the child's foreign key) and emitted before the child. */
    SYNTHESIZE,
    /** The child goes to the dead-letter topic with reason {@code ORPHAN}. */
    DEAD_LETTER;

    public static OrphanPolicy parse(String text) {
        return switch (text.strip()) {
            case "synthesize" -> SYNTHESIZE;
            case "dead-letter" -> DEAD_LETTER;
            default -> throw new IllegalArgumentException("orphans must be synthesize or dead-letter. Provided value: "
                    + text);
        };
    }

    public String spec() {
        return this == SYNTHESIZE ? "synthesize" : "dead-letter";
    }
}
