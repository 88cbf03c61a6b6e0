package io.shadowfeed.job.synth;

import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;

import java.time.Duration;

/** The spec's {@code state.ttl} on a keyed state: entries expire that long after their last write. */
public final class StateTtl {

    private StateTtl() {}

    public static void apply(StateDescriptor<?, ?> descriptor, Duration ttl) {
        if (ttl == null) {
            return;
        }
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
    }
}
