package io.shadowfeed.job.spec;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.privacy.pii.policy.FieldPolicy;

import java.io.Serializable;
import java.util.Objects;

/** One input field and the policy that decides what reaches the anonymized zone. */
public record FieldSpec(FieldSchema input, FieldPolicy policy) implements Serializable {

    public FieldSpec {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(policy, "policy");
    }

    public String name() {
        return input.name();
    }
}
