package io.shadowfeed.job.spec;

import java.io.Serializable;
import java.util.Objects;

/**
 * A foreign key: {@code field} of this table references {@code parentField} of {@code parentTable}.
 */
public record ForeignKeySpec(String field, String parentTable, String parentField) implements Serializable {

    public ForeignKeySpec {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(parentTable, "parentTable");
        Objects.requireNonNull(parentField, "parentField");
    }
}
