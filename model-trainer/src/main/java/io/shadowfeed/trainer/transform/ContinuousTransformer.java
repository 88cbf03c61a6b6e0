package io.shadowfeed.trainer.transform;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * CTGAN's mode-specific normalization of a numeric column ({@code CONTINUOUS}, or {@code DATETIME} as its number).
 * A value becomes {@code [scalar][one-hot mode]} and, when training had nulls, {@code [not null, null]}:
 * <ul>
 *     <li>the mode is one of the mixture's active components, sampled from its posterior (plus 1e-6, normalized)
 *     in the sampling transform, the most likely one in the deterministic transform;</li>
 *     <li>the scalar is {@code (x - mean) / (4 std)} of that mode, clipped to [-0.99, 0.99];</li>
 *     <li>a null encodes as scalar 0 in the heaviest mode with the null indicator set. The heaviest mode rather than
 *     an all-zero mode group: the generator's softmax can never produce all zeros, so the critic could tell real
 *     null rows from generated ones by that alone.</li>
 * </ul>
 * Decoding takes the most likely mode, clips the scalar to [-1, 1], maps it back, clamps the value to the training
 * range (tanh output times 4 std can reach past the observed extremes, e.g. an age below the youngest person or a
 * negative amount) and rounds it when every training value was a whole number. A decoded null is {@code NaN}, as is
 * a {@code NaN} scalar from a diverged generator.
 */
public final class ContinuousTransformer extends ColumnTransformer {

    /** The scalar's clip in encoding, as the reference: keeps targets inside tanh's open range. */
    static final double CLIP = 0.99;
    /** Added to each mode's posterior before sampling, as the reference: every mode stays possible. */
    static final double MODE_EPSILON = 1e-6;
    private static final double STD_MULTIPLIER = 4.0;

    private final BayesianGaussianMixture mixture;
    private final int[] modes;
    private final double[] modeMeans;
    private final double[] modeScales;
    private final int heaviestMode;
    private final boolean nullable;
    private final boolean integral;
    private final double min;
    private final double max;

    private ContinuousTransformer(String column, ColumnKind kind, BayesianGaussianMixture mixture, boolean nullable,
            boolean integral, double min, double max) {
        super(column, kind);
        this.mixture = mixture;
        this.nullable = nullable;
        this.integral = integral;
        this.min = min;
        this.max = max;
        modes = mixture.activeComponents();
        modeMeans = new double[modes.length];
        modeScales = new double[modes.length];
        int heaviest = 0;
        for (int m = 0; m < modes.length; m++) {
            modeMeans[m] = mixture.mean(modes[m]);
            modeScales[m] = STD_MULTIPLIER * mixture.std(modes[m]);
            if (mixture.weight(modes[m]) > mixture.weight(modes[heaviest])) {
                heaviest = m;
            }
        }
        heaviestMode = heaviest;
    }

    /**
     * Fits the column's mixture on its non-null values.
     *
     * @param values the column, {@code NaN} for a null
     * @throws IllegalArgumentException if the column has no non-null value or holds an infinity
     */
    public static ContinuousTransformer fit(String column, ColumnKind kind, double[] values, MixtureSettings settings,
            long seed) {
        TransformPreconditions.checkNotNull(column, "column");
        TransformPreconditions.checkNotNull(kind, "kind");
        TransformPreconditions.checkNotNull(values, "values");
        TransformPreconditions.checkArgument(kind.isNumeric(),
                "kind of column '%s' must be numeric for mode-specific normalization. Provided value: %s", column,
                kind);
        double[] present = new double[values.length];
        int count = 0;
        boolean integral = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < values.length; r++) {
            double x = values[r];
            if (Double.isNaN(x)) {
                continue;
            }
            if (Double.isInfinite(x)) {
                throw new IllegalArgumentException("column '" + column + "' row " + r
                        + " is infinite; replace it by a null or a finite value before fitting");
            }
            present[count++] = x;
            integral &= x == Math.rint(x);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (count == 0) {
            throw new IllegalArgumentException("column '" + column + "' has no value in training (all "
                    + values.length + " rows are null); leave it out of the modelled columns");
        }
        double[] fitValues = count == present.length ? present : Arrays.copyOf(present, count);
        BayesianGaussianMixture mixture = BayesianGaussianMixture.fit(fitValues, settings, seed);
        return new ContinuousTransformer(column, kind, mixture, count < values.length, integral, min, max);
    }

    static ContinuousTransformer fromState(ContinuousColumnState state) {
        return new ContinuousTransformer(state.column(), state.kind(),
                BayesianGaussianMixture.fromState(state.mixture()), state.nullable(), state.integral(), state.min(),
                state.max());
    }

    @Override
    public ContinuousColumnState state() {
        return new ContinuousColumnState(column(), kind(), mixture.state(), nullable, integral, min, max);
    }

    public BayesianGaussianMixture mixture() {
        return mixture;
    }

    /** The number of modes: the mixture's active components. */
    public int modeCount() {
        return modes.length;
    }

    /** Whether the encoding ends with the 2-wide null indicator. */
    public boolean nullable() {
        return nullable;
    }

    /** Whether decoded values are rounded to whole numbers. */
    public boolean integral() {
        return integral;
    }

    /** The smallest training value. */
    public double min() {
        return min;
    }

    /** The largest training value. */
    public double max() {
        return max;
    }

    @Override
    public int outputWidth() {
        return 1 + modes.length + (nullable ? 2 : 0);
    }

    @Override
    public List<OutputSpan> spans(int offset) {
        List<OutputSpan> spans = new ArrayList<>(3);
        spans.add(new OutputSpan(offset, 1, Activation.TANH));
        spans.add(new OutputSpan(offset + 1, modes.length, Activation.SOFTMAX));
        if (nullable) {
            spans.add(new OutputSpan(offset + 1 + modes.length, 2, Activation.SOFTMAX));
        }
        return List.copyOf(spans);
    }

    @Override
    void encode(DataTable table, int index, float[] out, int stride, int offset, SplittableRandom random) {
        double[] values = table.numbers(index);
        double[] scratch = new double[mixture.componentCount()];
        int nullAt = offset + 1 + modes.length;
        for (int r = 0; r < values.length; r++) {
            double x = values[r];
            int start = r * stride + offset;
            if (Double.isNaN(x)) {
                if (!nullable) {
                    throw new InvalidValueException(column(), r, "null, but training saw no nulls in this column, "
                            + "so its encoding has no null indicator; refit on data with nulls or fill the value");
                }
                out[start + 1 + heaviestMode] = 1f;
                out[r * stride + nullAt + 1] = 1f;
                continue;
            }
            if (Double.isInfinite(x)) {
                throw new InvalidValueException(column(), r, "infinite; only finite values and nulls can be encoded");
            }
            int mode = random == null ? mostLikelyMode(x, scratch) : sampleMode(x, scratch, random);
            double scalar = (x - modeMeans[mode]) / modeScales[mode];
            out[start] = (float) Math.max(-CLIP, Math.min(CLIP, scalar));
            out[start + 1 + mode] = 1f;
            if (nullable) {
                out[r * stride + nullAt] = 1f;
            }
        }
    }

    /** The mode (position among the active components) with the highest posterior. */
    int mostLikelyMode(double x, double[] scratch) {
        mixture.logPosteriorUnnormalized(x, scratch);
        int best = 0;
        for (int m = 1; m < modes.length; m++) {
            if (scratch[modes[m]] > scratch[modes[best]]) {
                best = m;
            }
        }
        return best;
    }

    private int sampleMode(double x, double[] scratch, SplittableRandom random) {
        mixture.posterior(x, scratch);
        double total = 0;
        for (int m = 0; m < modes.length; m++) {
            total += scratch[modes[m]] + MODE_EPSILON;
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        for (int m = 0; m < modes.length - 1; m++) {
            cumulative += scratch[modes[m]] + MODE_EPSILON;
            if (target < cumulative) {
                return m;
            }
        }
        return modes.length - 1;
    }

    @Override
    void decode(float[] in, int rows, int stride, int offset, double[] numbers, String[] categories,
            RandomGenerator random) {
        int modeAt = offset + 1;
        int nullAt = offset + 1 + modes.length;
        for (int r = 0; r < rows; r++) {
            int row = r * stride;
            if (nullable && in[row + nullAt + 1] > in[row + nullAt]) {
                numbers[r] = Double.NaN;
                continue;
            }
            int mode = 0;
            float best = in[row + modeAt];
            for (int m = 1; m < modes.length; m++) {
                float v = in[row + modeAt + m];
                if (v > best) {
                    best = v;
                    mode = m;
                }
            }
            double scalar = Math.max(-1.0, Math.min(1.0, in[row + offset]));
            double x = scalar * modeScales[mode] + modeMeans[mode];
            x = Math.max(min, Math.min(max, x));
            numbers[r] = integral ? Math.rint(x) : x;
        }
    }
}
