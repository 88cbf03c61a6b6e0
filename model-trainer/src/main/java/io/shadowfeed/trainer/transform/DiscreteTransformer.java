package io.shadowfeed.trainer.transform;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * One-hot encoding of a categorical column ({@code DISCRETE}, {@code ORDINAL}, {@code BOOLEAN}) over the
 * categories seen in training: in their natural string order (so that the layout does not depend on row order),
 * then the null category if training had nulls, then the rare bucket if there is one.
 *
 * <p>Categories seen fewer than {@code rareCategoryMinCount} times share one bucket when there are at least two of
 * them (a bucket of one would only rename it). Decoding the bucket draws one of its members by training frequency.
 * Nulls are always a category of their own.
 */
public final class DiscreteTransformer extends ColumnTransformer {

    private final List<String> categories;
    private final long[] counts;
    private final Map<String, Integer> positions;
    private final int rareBucket;
    private final String[] rareMembers;
    private final long[] rareMemberCounts;
    /** Running totals of {@code rareMemberCounts}, for drawing a member by frequency. */
    private final long[] rareCumulative;

    private DiscreteTransformer(String column, ColumnKind kind, List<String> categories, long[] counts,
            List<String> rareMembers, long[] rareMemberCounts) {
        super(column, kind);
        this.categories = Collections.unmodifiableList(new ArrayList<>(categories));
        this.counts = counts.clone();
        this.rareMembers = rareMembers.toArray(new String[0]);
        this.rareMemberCounts = rareMemberCounts.clone();
        positions = new HashMap<>();
        for (int p = 0; p < categories.size(); p++) {
            positions.put(categories.get(p), p);
        }
        rareBucket = categories.indexOf(DiscreteSpan.RARE);
        for (String member : rareMembers) {
            positions.put(member, rareBucket);
        }
        rareCumulative = new long[rareMemberCounts.length];
        long total = 0;
        for (int i = 0; i < rareMemberCounts.length; i++) {
            total += rareMemberCounts[i];
            rareCumulative[i] = total;
        }
    }

    /**
     * Counts the categories of the column.
     *
     * @param values               the column, {@code null} for a null
     * @param rareCategoryMinCount categories seen fewer times than this share a bucket; 1 merges nothing
     * @throws IllegalArgumentException if a category is named {@link DiscreteSpan#RARE} or the column is empty
     */
    public static DiscreteTransformer fit(String column, ColumnKind kind, String[] values, int rareCategoryMinCount) {
        TransformPreconditions.checkNotNull(column, "column");
        TransformPreconditions.checkNotNull(kind, "kind");
        TransformPreconditions.checkNotNull(values, "values");
        TransformPreconditions.checkPositive(rareCategoryMinCount, "rareCategoryMinCount");
        TransformPreconditions.checkArgument(kind.isCategorical(),
                "kind of column '%s' must be categorical for one-hot encoding. Provided value: %s", column, kind);
        if (values.length == 0) {
            throw new IllegalArgumentException("column '" + column + "' has no rows to fit on");
        }
        TreeMap<String, long[]> seen = new TreeMap<>();
        long nulls = 0;
        for (String value : values) {
            if (value == null) {
                nulls++;
            } else {
                seen.computeIfAbsent(value, v -> new long[1])[0]++;
            }
        }
        if (seen.containsKey(DiscreteSpan.RARE)) {
            throw new IllegalArgumentException("column '" + column + "' has a category named like the rare bucket "
                    + "(a NUL character followed by 'rare'); rename that category");
        }
        long rareCount = seen.values().stream().filter(c -> c[0] < rareCategoryMinCount).count();
        boolean merge = rareCount >= 2;
        List<String> categories = new ArrayList<>();
        List<Long> categoryCounts = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<Long> memberCounts = new ArrayList<>();
        long bucket = 0;
        for (Map.Entry<String, long[]> entry : seen.entrySet()) {
            long count = entry.getValue()[0];
            if (merge && count < rareCategoryMinCount) {
                members.add(entry.getKey());
                memberCounts.add(count);
                bucket += count;
            } else {
                categories.add(entry.getKey());
                categoryCounts.add(count);
            }
        }
        if (nulls > 0) {
            categories.add(null);
            categoryCounts.add(nulls);
        }
        if (merge) {
            categories.add(DiscreteSpan.RARE);
            categoryCounts.add(bucket);
        }
        return new DiscreteTransformer(column, kind, categories, toArray(categoryCounts), members,
                toArray(memberCounts));
    }

    private static long[] toArray(List<Long> values) {
        long[] array = new long[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    static DiscreteTransformer fromState(DiscreteColumnState state) {
        return new DiscreteTransformer(state.column(), state.kind(), state.categories(), state.counts(),
                state.rareMembers(), state.rareMemberCounts());
    }

    @Override
    public DiscreteColumnState state() {
        return new DiscreteColumnState(column(), kind(), categories, counts, Arrays.asList(rareMembers),
                rareMemberCounts);
    }

    /** The category of each one-hot position ({@code null}: the null category; {@link DiscreteSpan#RARE}). */
    public List<String> categories() {
        return categories;
    }

    /** The training count of each position. */
    public long[] counts() {
        return counts.clone();
    }

    /** The categories merged into the rare bucket, in natural order; empty when there is no bucket. */
    public List<String> rareMembers() {
        // Not List.of: its contains(null) throws, and null is a natural question to ask of categories.
        return Collections.unmodifiableList(Arrays.asList(rareMembers));
    }

    /**
     * The one-hot position of a category; a member of the rare bucket gives the bucket's.
     *
     * @throws UnknownCategoryException if training did not see it
     */
    public int position(String category) {
        return position(category, -1);
    }

    int position(String category, int row) {
        Integer position = positions.get(category);
        if (position == null) {
            throw new UnknownCategoryException(column(), category, row, categories);
        }
        return position;
    }

    @Override
    public int outputWidth() {
        return categories.size();
    }

    @Override
    public List<OutputSpan> spans(int offset) {
        return List.of(new OutputSpan(offset, categories.size(), Activation.SOFTMAX));
    }

    @Override
    void encode(DataTable table, int index, float[] out, int stride, int offset, SplittableRandom random) {
        String[] values = table.categories(index);
        for (int r = 0; r < values.length; r++) {
            out[r * stride + offset + position(values[r], r)] = 1f;
        }
    }

    @Override
    void decode(float[] in, int rows, int stride, int offset, double[] numbers, String[] out,
            RandomGenerator random) {
        int width = categories.size();
        for (int r = 0; r < rows; r++) {
            int start = r * stride + offset;
            int best = 0;
            float bestValue = in[start];
            for (int p = 1; p < width; p++) {
                if (in[start + p] > bestValue) {
                    bestValue = in[start + p];
                    best = p;
                }
            }
            out[r] = best == rareBucket ? drawRareMember(random) : categories.get(best);
        }
    }

    private String drawRareMember(RandomGenerator random) {
        TransformPreconditions.checkNotNull(random, "random (needed to decode the rare bucket)");
        long target = random.nextLong(rareCumulative[rareCumulative.length - 1]);
        int i = Arrays.binarySearch(rareCumulative, target + 1);
        return rareMembers[i >= 0 ? i : -i - 1];
    }
}
