package io.shadowfeed.trainer.profile;

import java.util.Objects;

/** A category of a categorical column and how many rows hold it. */
public record CategoryCount(String value, int count) {

    public CategoryCount {
        Objects.requireNonNull(value, "value");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0. Provided value: " + count);
        }
    }
}
