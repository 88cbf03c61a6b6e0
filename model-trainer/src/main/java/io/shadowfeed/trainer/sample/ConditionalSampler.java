package io.shadowfeed.trainer.sample;

import io.shadowfeed.trainer.transform.DiscreteSpan;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The conditional vector and training-by-sampling of CTGAN.
 *
 * <p>The condition is a one-hot over the categories of all discrete columns, with exactly one category set. For
 * training, a discrete column is picked uniformly and a category with probability proportional to
 * log(1 + count), and the real row paired with it is a row that has that category. For unconditional
 * sampling the category is drawn with its real frequency (the reference implementation uses the log-frequency
 * there too, which over-produces rare categories).
 */
public final class ConditionalSampler {
    private final List<DiscreteSpan> spans;
    private final int[] conditionOffsets;
    private final int conditionWidth;
    private final double[][] logFrequencyCumulative;
    private final double[][] frequencyCumulative;
    /** rowsByCategory[span][category]: the training rows holding that category; null for generation only. */
    private final int[][][] rowsByCategory;
    private final int rowCount;

    private ConditionalSampler(List<DiscreteSpan> spans, long[][] counts, int[][][] rowsByCategory, int rowCount) {
        this.spans = List.copyOf(spans);
        this.rowsByCategory = rowsByCategory;
        this.rowCount = rowCount;
        this.conditionOffsets = new int[spans.size()];
        this.logFrequencyCumulative = new double[spans.size()][];
        this.frequencyCumulative = new double[spans.size()][];
        int offset = 0;
        for (int s = 0; s < spans.size(); s++) {
            conditionOffsets[s] = offset;
            offset += spans.get(s).width();
            logFrequencyCumulative[s] = cumulative(counts[s], true);
            frequencyCumulative[s] = cumulative(counts[s], false);
        }
        this.conditionWidth = offset;
    }

    /**
     * Indexes the training rows by category. {@code data} is the transformed training matrix (row-major,
     * {@code width} floats per row), whose discrete spans are exact one-hots.
     */
    public static ConditionalSampler index(float[] data, int rows, int width, List<DiscreteSpan> spans) {
        int[][][] byCategory = new int[spans.size()][][];
        long[][] counts = new long[spans.size()][];
        for (int s = 0; s < spans.size(); s++) {
            DiscreteSpan span = spans.get(s);
            int[] categoryOfRow = new int[rows];
            int[] sizes = new int[span.width()];
            for (int r = 0; r < rows; r++) {
                int base = r * width + span.offset();
                int best = 0;
                for (int k = 1; k < span.width(); k++) {
                    if (data[base + k] > data[base + best]) {
                        best = k;
                    }
                }
                categoryOfRow[r] = best;
                sizes[best]++;
            }
            byCategory[s] = new int[span.width()][];
            for (int k = 0; k < span.width(); k++) {
                byCategory[s][k] = new int[sizes[k]];
            }
            int[] fill = new int[span.width()];
            for (int r = 0; r < rows; r++) {
                byCategory[s][categoryOfRow[r]][fill[categoryOfRow[r]]++] = r;
            }
            counts[s] = new long[span.width()];
            for (int k = 0; k < span.width(); k++) {
                counts[s][k] = sizes[k];
            }
        }
        return new ConditionalSampler(spans, counts, byCategory, rows);
    }

    /** A sampler for generation only: category frequencies from the spans' training counts, no row index. */
    public static ConditionalSampler forGeneration(List<DiscreteSpan> spans) {
        long[][] counts = new long[spans.size()][];
        for (int s = 0; s < spans.size(); s++) {
            counts[s] = spans.get(s).counts().clone();
        }
        return new ConditionalSampler(spans, counts, null, 0);
    }

    private static double[] cumulative(long[] counts, boolean logarithmic) {
        double[] cumulative = new double[counts.length];
        double total = 0;
        for (int k = 0; k < counts.length; k++) {
            total += logarithmic ? Math.log1p(counts[k]) : counts[k];
            cumulative[k] = total;
        }
        for (int k = 0; k < counts.length; k++) {
            cumulative[k] = total > 0 ? cumulative[k] / total : (k + 1.0) / counts.length;
        }
        return cumulative;
    }

    private static int draw(double[] cumulative, SplittableRandom random) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > u) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    public int conditionWidth() {
        return conditionWidth;
    }

    public List<DiscreteSpan> spans() {
        return spans;
    }

    /** Where span {@code s} starts inside the condition vector. */
    public int conditionOffset(int span) {
        return conditionOffsets[span];
    }

    /**
     * A training batch: conditions by log-frequency and, for each, a real row with that category. Without
     * discrete columns the conditions are empty and the rows uniform.
     */
    public TrainingBatch sampleForTraining(int batch, SplittableRandom random) {
        if (rowsByCategory == null) {
            throw new IllegalStateException("this sampler was built for generation and has no training rows");
        }
        float[] condition = new float[batch * conditionWidth];
        int[] rows = new int[batch];
        for (int i = 0; i < batch; i++) {
            if (spans.isEmpty()) {
                rows[i] = random.nextInt(rowCount);
                continue;
            }
            int s = random.nextInt(spans.size());
            int k = draw(logFrequencyCumulative[s], random);
            condition[i * conditionWidth + conditionOffsets[s] + k] = 1f;
            int[] candidates = rowsByCategory[s][k];
            rows[i] = candidates[random.nextInt(candidates.length)];
        }
        return new TrainingBatch(condition, rows);
    }

    /** Conditions for unconditional sampling: a uniform column, a category by its real frequency. */
    public float[] sampleOriginal(int batch, SplittableRandom random) {
        float[] condition = new float[batch * conditionWidth];
        if (spans.isEmpty()) {
            return condition;
        }
        for (int i = 0; i < batch; i++) {
            int s = random.nextInt(spans.size());
            condition[i * conditionWidth + conditionOffsets[s] + draw(frequencyCumulative[s], random)] = 1f;
        }
        return condition;
    }

    /** Conditions that all fix category {@code category} of span {@code span}. */
    public float[] fixed(int batch, int span, int category) {
        if (category < 0 || category >= spans.get(span).width()) {
            throw new IllegalArgumentException("category " + category + " out of range for column '"
                    + spans.get(span).column() + "'");
        }
        float[] condition = new float[batch * conditionWidth];
        for (int i = 0; i < batch; i++) {
            condition[i * conditionWidth + conditionOffsets[span] + category] = 1f;
        }
        return condition;
    }

    /** Conditions (row-major, {@code conditionWidth} per row) and the paired real rows. */
    public record TrainingBatch(float[] condition, int[] rows) {
    }
}
