package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Distance to closest record (DCR share, DCROverfittingProtection) and nearest-neighbour distance ratio (NNDR) of
 * synthetic rows against real rows, by brute force over seeded samples: training and holdout are sampled down to the
 * same size ({@code min(training, holdout, trainingRowCap)}) so that a generator that learned the population, not the
 * rows, lands at a share of 0.5. See {@link DcrScores} for the distance.
 *
 * <p>Sampling dilutes the signal: a synthetic row copied from a training row that is not in the training sample looks
 * like any other row. A verbatim copy of the training data therefore scores about {@code 0.5 + 0.5 * n / N} (n
 * training rows sampled out of N), e.g. 0.6 for 5000 of Adult's 26,000 training rows, and 1.0 only when the whole
 * training table is sampled. {@link ExactMatchRate} runs on all rows and catches verbatim copies regardless.
 */
public final class DistanceToClosestRecord {
    public static final int DEFAULT_TRAINING_ROW_CAP = 5000;
    public static final int DEFAULT_SYNTHETIC_ROW_CAP = 2000;
    public static final int DEFAULT_PARALLELISM = 2;

    private final int trainingRowCap;
    private final int syntheticRowCap;
    private final long seed;
    private final int parallelism;

    private DistanceToClosestRecord(Builder builder) {
        this.trainingRowCap = builder.trainingRowCap;
        this.syntheticRowCap = builder.syntheticRowCap;
        this.seed = builder.seed;
        this.parallelism = builder.parallelism;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Compares {@code synthetic} with {@code training} and, when given, with {@code holdout} (real rows the generator
     * never saw; nullable) over the modelled columns of {@code training}.
     */
    public DcrScores compute(DataTable training, DataTable synthetic, DataTable holdout) {
        List<String> columns = ModelledColumns.of(training);
        if (columns.isEmpty()) {
            throw new IncompatibleTablesException("the training table has no modelled column to measure distances on");
        }
        ModelledColumns.requireAligned(training, synthetic, "synthetic");
        if (holdout != null) {
            ModelledColumns.requireAligned(training, holdout, "holdout");
        }
        int realSample = Math.min(trainingRowCap, training.rowCount());
        if (holdout != null) {
            realSample = Math.min(realSample, holdout.rowCount());
        }
        if (realSample < 2) {
            throw new IllegalArgumentException("distances need at least 2 training"
                    + (holdout == null ? "" : " and 2 holdout") + " rows; got " + training.rowCount()
                    + (holdout == null ? "" : " and " + holdout.rowCount()));
        }
        if (synthetic.rowCount() == 0) {
            throw new IllegalArgumentException("distances need at least 1 synthetic row; got 0");
        }
        Random random = new Random(seed);
        RowMatrix.Layout layout = new RowMatrix.Layout(training, columns);
        RowMatrix train = layout.pack(training, RowSampling.sample(training.rowCount(), realSample, random));
        RowMatrix hold = holdout == null ? null
                : layout.pack(holdout, RowSampling.sample(holdout.rowCount(), realSample, random));
        int syntheticSample = Math.min(syntheticRowCap, synthetic.rowCount());
        RowMatrix synth = layout.pack(synthetic, RowSampling.sample(synthetic.rowCount(), syntheticSample, random));

        double[] nearest = new double[synth.rows];
        double[] second = new double[synth.rows];
        double[] nearestHoldout = hold == null ? null : new double[synth.rows];
        runInChunks(synth.rows, (from, to) -> {
            double[] best = new double[2];
            for (int s = from; s < to; s++) {
                nearestTwo(synth, s, train, best);
                nearest[s] = best[0];
                second[s] = best[1];
                if (hold != null) {
                    nearestTwo(synth, s, hold, best);
                    nearestHoldout[s] = best[0];
                }
            }
        });

        double width = synth.width();
        double[] ratios = new double[synth.rows];
        for (int s = 0; s < synth.rows; s++) {
            ratios[s] = second[s] == 0 ? 1 : nearest[s] / second[s];
        }
        Arrays.sort(ratios);
        double[] toTraining = nearest.clone();
        Arrays.sort(toTraining);
        Double share = null;
        Double toHoldoutMedian = null;
        if (hold != null) {
            double closer = 0;
            for (int s = 0; s < synth.rows; s++) {
                if (nearest[s] < nearestHoldout[s]) {
                    closer += 1;
                } else if (nearest[s] == nearestHoldout[s]) {
                    closer += 0.5;
                }
            }
            share = closer / synth.rows;
            double[] toHoldout = nearestHoldout.clone();
            Arrays.sort(toHoldout);
            toHoldoutMedian = Math.min(1, RowSampling.quantile(toHoldout, 0.5) / width);
        }
        return new DcrScores(share, share == null ? null : DcrScores.overfittingProtection(share),
                RowSampling.quantile(ratios, 0.5), RowSampling.quantile(ratios, 0.05),
                Math.min(1, RowSampling.quantile(toTraining, 0.5) / width),
                toHoldoutMedian, train.rows, hold == null ? null : hold.rows, synth.rows);
    }

    /**
     * The smallest and second smallest (unnormalised) distance from row {@code s} of {@code from} to the rows of
     * {@code to}, into {@code best}. Rows are skipped as soon as their numeric part alone is no better than the
     * second best so far.
     */
    private static void nearestTwo(RowMatrix from, int s, RowMatrix to, double[] best) {
        int p = from.numericWidth;
        int q = from.categoricalWidth;
        double[] fromNumeric = from.numeric;
        int[] fromCategorical = from.categorical;
        double[] toNumeric = to.numeric;
        int[] toCategorical = to.categorical;
        int numericBase = s * p;
        int categoricalBase = s * q;
        double best1 = Double.POSITIVE_INFINITY;
        double best2 = Double.POSITIVE_INFINITY;
        for (int t = 0; t < to.rows; t++) {
            double sum = 0;
            int tn = t * p;
            for (int c = 0; c < p; c++) {
                double a = fromNumeric[numericBase + c];
                double b = toNumeric[tn + c];
                if (a != a || b != b) {
                    sum += (a != a && b != b) ? 0 : 1;
                } else {
                    double d = a > b ? a - b : b - a;
                    sum += d < 1 ? d : 1;
                }
            }
            if (sum >= best2) {
                continue;
            }
            int tc = t * q;
            for (int c = 0; c < q; c++) {
                if (fromCategorical[categoricalBase + c] != toCategorical[tc + c]) {
                    sum += 1;
                }
            }
            if (sum < best1) {
                best2 = best1;
                best1 = sum;
            } else if (sum < best2) {
                best2 = sum;
            }
        }
        best[0] = best1;
        best[1] = best2;
    }

    private interface RangeTask {
        void run(int from, int to);
    }

    private void runInChunks(int rows, RangeTask task) {
        if (parallelism == 1 || rows < 2 * parallelism) {
            task.run(0, rows);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "dcr-distances");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> parts = new ArrayList<>();
            int chunk = (rows + parallelism - 1) / parallelism;
            for (int from = 0; from < rows; from += chunk) {
                int start = from;
                int end = Math.min(rows, from + chunk);
                parts.add(pool.submit(() -> task.run(start, end)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing distances", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("computing distances failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Options: sample caps, seed and threads. */
    public static final class Builder {
        private int trainingRowCap = DEFAULT_TRAINING_ROW_CAP;
        private int syntheticRowCap = DEFAULT_SYNTHETIC_ROW_CAP;
        private long seed = 42L;
        private int parallelism = DEFAULT_PARALLELISM;

        private Builder() {
        }

        /** The most training (and holdout) rows compared against; default {@value #DEFAULT_TRAINING_ROW_CAP}. */
        public Builder optTrainingRowCap(int cap) {
            this.trainingRowCap = EvaluatorPreconditions.positive("trainingRowCap", cap);
            return this;
        }

        /** The most synthetic rows measured; default {@value #DEFAULT_SYNTHETIC_ROW_CAP}. */
        public Builder optSyntheticRowCap(int cap) {
            this.syntheticRowCap = EvaluatorPreconditions.positive("syntheticRowCap", cap);
            return this;
        }

        /** The seed of the row samples; default 42. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Threads for the distance loops; default {@value #DEFAULT_PARALLELISM}. */
        public Builder optParallelism(int threads) {
            this.parallelism = EvaluatorPreconditions.positive("parallelism", threads);
            return this;
        }

        public DistanceToClosestRecord build() {
            return new DistanceToClosestRecord(this);
        }
    }
}
