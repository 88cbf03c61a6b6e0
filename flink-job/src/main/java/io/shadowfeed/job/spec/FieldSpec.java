package io.shadowfeed.job.spec;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.privacy.pii.policy.FieldPolicy;

import java.io.Serializable;
import java.util.Objects;

/** One input field, the policy that decides what reaches the anonymized zone, and where that policy came from. */
public record FieldSpec(FieldSchema input, FieldPolicy policy, PolicyOrigin origin) implements Serializable {

    public FieldSpec {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(origin, "origin");
    }

    public String name() {
        return input.name();
    }

    public FieldSpec withPolicy(FieldPolicy newPolicy, PolicyOrigin newOrigin) {
        return new FieldSpec(input, newPolicy, newOrigin);
    }
}
