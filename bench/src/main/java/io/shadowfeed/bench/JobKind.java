package io.shadowfeed.bench;

/** The two jobs the benchmark compares, run on the same input records. */
enum JobKind {

    /** (a) A plain Flink job: KafkaSource of raw bytes -> exactly-once KafkaSink, nothing decoded. */
    BYTE_COPY("a", "byte-copy", "Flink byte copy (baseline)"),
    /** (b) The Shadowfeed job: decode + validate, event time, field policies, encode, exactly-once sinks. */
    SHADOWFEED("b", "shadowfeed", "Shadowfeed (decode, validate, policies, encode)");

    private final String letter;
    private final String id;
    private final String title;

    JobKind(String letter, String id, String title) {
        this.letter = letter;
        this.id = id;
        this.title = title;
    }

    static JobKind ofLetter(String letter) {
        for (JobKind kind : values()) {
            if (kind.letter.equals(letter)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("job must be a or b. Provided value: " + letter);
    }

    /** "a" or "b", as the issue names them. */
    String letter() {
        return letter;
    }

    /** A short name for topics, group ids and JSON. */
    String id() {
        return id;
    }

    String title() {
        return title;
    }
}
