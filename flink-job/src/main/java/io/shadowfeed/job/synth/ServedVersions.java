package io.shadowfeed.job.synth;

import io.shadowfeed.job.model.ModelVersion;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.StateInitializationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The model versions an operator served at its last checkpoint (union operator state), so that after a restore it
 * serves them again from its first record, before the models topic is read again.
 */
public final class ServedVersions {

    private final ListState<ModelVersion> state;
    private final List<ModelVersion> restored = new ArrayList<>();

    private ServedVersions(StateInitializationContext context) throws Exception {
        state = context.getOperatorStateStore().getUnionListState(
                new ListStateDescriptor<>("served-model-versions", TypeInformation.of(ModelVersion.class)));
        if (context.isRestored()) {
            state.get().forEach(restored::add);
        }
    }

    public static ServedVersions register(StateInitializationContext context) throws Exception {
        return new ServedVersions(context);
    }

    /** The newest restored version of a table, else {@code initial} (may be null). */
    public ModelVersion startVersion(String table, ModelVersion initial) {
        return restored.stream().filter(v -> v.table().equals(table))
                .reduce((a, b) -> a.version() >= b.version() ? a : b).orElse(initial);
    }

    public void snapshot(ModelServing serving) throws Exception {
        state.update(serving.servedVersions());
    }
}
