package io.shadowfeed.trainer.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.shadowfeed.trainer.data.ColumnKind;

import java.util.Objects;

/**
 * A column the model was trained on: its name, its kind and whatever profile the trainer keeps about it ({@link
 * NullNode} when none). The profile goes into the manifest as it is: it must hold no raw values beyond category names.
 */
public record ManifestColumn(String name, ColumnKind kind, JsonNode profile) {

    public ManifestColumn {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be empty");
        }
        Objects.requireNonNull(kind, () -> "kind of column '" + name + "' must not be null");
        profile = profile == null ? NullNode.getInstance() : profile.deepCopy();
    }

    /** A column without a profile. */
    public ManifestColumn(String name, ColumnKind kind) {
        this(name, kind, null);
    }

    /** A copy: JSON nodes are mutable. */
    @Override
    public JsonNode profile() {
        return profile.deepCopy();
    }
}
