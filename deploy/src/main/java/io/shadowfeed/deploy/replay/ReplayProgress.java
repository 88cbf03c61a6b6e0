package io.shadowfeed.deploy.replay;

/** Shows how far a replay has got. Called from the replaying thread only. */
public interface ReplayProgress extends AutoCloseable {

    /** @param expected how many records the replay will send, or -1 if unknown */
    void start(String topic, long expected);

    /** @param sent records handed to the producer so far */
    void update(long sent);

    @Override
    void close();

    /** Shows nothing. */
    static ReplayProgress none() {
        return new ReplayProgress() {
            @Override
            public void start(String topic, long expected) {}

            @Override
            public void update(long sent) {}

            @Override
            public void close() {}
        };
    }
}
