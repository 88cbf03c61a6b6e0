package io.shadowfeed.trainer.transform;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.shadowfeed.trainer.data.ColumnKind;

/** The saved form of one column transformer, tagged in JSON by {@code "type"}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ContinuousColumnState.class, name = "continuous"),
        @JsonSubTypes.Type(value = DiscreteColumnState.class, name = "discrete")})
public sealed interface ColumnState permits ContinuousColumnState, DiscreteColumnState {

    String column();

    ColumnKind kind();
}
