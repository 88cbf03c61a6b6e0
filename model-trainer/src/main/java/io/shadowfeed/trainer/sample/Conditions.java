package io.shadowfeed.trainer.sample;

import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.transform.DataTransformer;
import io.shadowfeed.trainer.transform.DiscreteSpan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Fixed values of discrete columns, resolved against a model: which span and category each one is, and which one
 * (the rarest in training) anchors the generator's condition vector.
 */
final class Conditions {
    private final Map<String, String> values;
    private final int anchorSpan;
    private final int anchorCategory;

    private Conditions(Map<String, String> values, int anchorSpan, int anchorCategory) {
        this.values = values;
        this.anchorSpan = anchorSpan;
        this.anchorCategory = anchorCategory;
    }

    /**
     * @throws IllegalArgumentException for a column the model does not generate as a discrete column
     * @throws io.shadowfeed.trainer.transform.UnknownCategoryException for a value never seen in training
     */
    static Conditions resolve(Map<String, String> fixedValues, DataTransformer transformer,
            ConditionalSampler sampler) {
        List<DiscreteSpan> spans = sampler.spans();
        int anchorSpan = -1;
        int anchorCategory = -1;
        long anchorCount = Long.MAX_VALUE;
        for (Map.Entry<String, String> entry : new TreeMap<>(fixedValues).entrySet()) {
            int span = spanOf(spans, entry.getKey(), transformer);
            int category = transformer.categoryIndex(entry.getKey(), entry.getValue());
            long count = spans.get(span).counts()[category];
            if (count < anchorCount) {
                anchorSpan = span;
                anchorCategory = category;
                anchorCount = count;
            }
        }
        return new Conditions(new TreeMap<>(fixedValues), anchorSpan, anchorCategory);
    }

    private static int spanOf(List<DiscreteSpan> spans, String column, DataTransformer transformer) {
        for (int s = 0; s < spans.size(); s++) {
            if (spans.get(s).column().equals(column)) {
                return s;
            }
        }
        if (transformer.columns().contains(column)) {
            throw new IllegalArgumentException("--condition " + column + ": only discrete columns can be fixed; '"
                    + column + "' is continuous");
        }
        throw new IllegalArgumentException("--condition " + column + ": the model has no column '" + column
                + "'; its discrete columns are " + spans.stream().map(DiscreteSpan::column).toList());
    }

    int anchorSpan() {
        return anchorSpan;
    }

    int anchorCategory() {
        return anchorCategory;
    }

    /** Up to {@code limit} positions of rows that hold every fixed value. */
    int[] matchingRows(DataTable batch, int limit) {
        List<Integer> columns = new ArrayList<>();
        List<String> wanted = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            columns.add(batch.columnIndex(entry.getKey()));
            wanted.add(entry.getValue());
        }
        int[] keep = new int[Math.min(limit, batch.rowCount())];
        int kept = 0;
        for (int r = 0; r < batch.rowCount() && kept < keep.length; r++) {
            boolean all = true;
            for (int i = 0; i < columns.size() && all; i++) {
                all = Objects.equals(batch.category(columns.get(i), r), wanted.get(i));
            }
            if (all) {
                keep[kept++] = r;
            }
        }
        return Arrays.copyOf(keep, kept);
    }

    String describe() {
        return values.toString();
    }
}
