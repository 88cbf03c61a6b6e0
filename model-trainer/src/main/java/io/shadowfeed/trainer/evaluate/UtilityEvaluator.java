package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Train on synthetic, test on real (TSTR) against train on real, test on real (TRTR) for a categorical target. The
 * features are the other modelled columns, encoded from real training statistics (see {@link FeatureEncoder}). For a
 * two-class target the F1 of the real minority class is reported (for Adult's {@code income}, {@code >50K}), else
 * the macro F1. Rows with a null target are left out.
 */
public final class UtilityEvaluator {
    public static final UtilityClassifier DEFAULT_CLASSIFIER = UtilityClassifier.LOGISTIC_REGRESSION;
    /**
     * Tribuo logs every fit at INFO through java.util.logging, with the target's category counts: noise in a
     * command's output. Held strongly, since JUL keeps loggers only weakly and would forget the level.
     */
    private static final Logger TRIBUO_LOG = quietTribuo();

    private final String target;
    private final UtilityClassifier classifier;
    private final int maxTrainingRows;
    private final long seed;

    private UtilityEvaluator(Builder builder) {
        this.target = builder.target;
        this.classifier = builder.classifier;
        this.maxTrainingRows = builder.maxTrainingRows;
        this.seed = builder.seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Logger quietTribuo() {
        Logger logger = Logger.getLogger("org.tribuo");
        logger.setLevel(Level.WARNING);
        return logger;
    }

    public UtilityScores evaluate(DataTable training, DataTable synthetic, DataTable holdout) {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(synthetic, "synthetic");
        Objects.requireNonNull(holdout, "holdout");
        ModelledColumns.realIndex(training, target, false, "the utility target");
        ModelledColumns.requireAligned(training, synthetic, "synthetic");
        ModelledColumns.requireAligned(training, holdout, "holdout");
        List<String> features = new ArrayList<>(ModelledColumns.of(training));
        features.remove(target);
        if (features.isEmpty()) {
            throw new IncompatibleTablesException("the utility target '" + target
                    + "' is the only modelled column; there is nothing to predict from");
        }

        String[] realLabels = labels(training);
        Map<String, Integer> realCounts = counts(realLabels);
        if (realCounts.size() < 2) {
            throw new IllegalArgumentException("the utility target '" + target + "' has " + realCounts.size()
                    + " class(es) in the real training data; a classifier needs at least 2");
        }
        // Minority class, ties broken by name so that the choice repeats.
        String positive = realCounts.size() != 2 ? null : realCounts.entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();

        FeatureEncoder encoder = new FeatureEncoder(training, features);
        String[] syntheticLabels = labels(synthetic);
        String[] holdoutLabels = labels(holdout);
        int[] trainingRows = cap(nonNull(realLabels), new Random(seed));
        int[] syntheticRows = cap(nonNull(syntheticLabels), new Random(seed + 1));
        int[] holdoutRows = nonNull(holdoutLabels);
        if (holdoutRows.length == 0) {
            throw new IllegalArgumentException("the holdout has no row with a value in '" + target + "' to test on");
        }
        List<Example<Label>> test = encoder.examples(holdout, holdoutLabels, holdoutRows);

        Set<String> classes = new LinkedHashSet<>(realCounts.keySet());
        for (int row : holdoutRows) {
            classes.add(holdoutLabels[row]);
        }
        Fit trtr = fit(encoder.examples(training, realLabels, trainingRows), test, positive, classes);
        Fit tstr = syntheticRows.length == 0 ? Fit.NONE
                : fit(encoder.examples(synthetic, syntheticLabels, syntheticRows), test, positive, classes);
        return new UtilityScores(target, classifier.description(), positive, tstr.f1, trtr.f1, tstr.accuracy,
                trtr.accuracy, trainingRows.length, syntheticRows.length, holdoutRows.length);
    }

    private record Fit(double f1, double accuracy) {
        // A synthetic table without a single labelled row predicts nothing right.
        static final Fit NONE = new Fit(0, 0);
    }

    private Fit fit(List<Example<Label>> train, List<Example<Label>> test, String positive, Set<String> classes) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("utility-training", factory), factory);
        dataset.addAll(train);
        Model<Label> model = classifier.trainer(seed).train(dataset);
        List<Prediction<Label>> predictions = model.predict(test);
        String[] truth = new String[test.size()];
        String[] predicted = new String[test.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = test.get(i).getOutput().getLabel();
            predicted[i] = predictions.get(i).getOutput().getLabel();
        }
        double f1 = positive != null ? f1(truth, predicted, positive) : macroF1(truth, predicted, classes);
        return new Fit(f1, accuracy(truth, predicted));
    }

    static double f1(String[] truth, String[] predicted, String positive) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean actual = positive.equals(truth[i]);
            boolean guess = positive.equals(predicted[i]);
            if (actual && guess) {
                tp++;
            } else if (guess) {
                fp++;
            } else if (actual) {
                fn++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    static double macroF1(String[] truth, String[] predicted, Set<String> classes) {
        double sum = 0;
        for (String c : classes) {
            sum += f1(truth, predicted, c);
        }
        return sum / classes.size();
    }

    static double accuracy(String[] truth, String[] predicted) {
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i].equals(predicted[i])) {
                right++;
            }
        }
        return truth.length == 0 ? 0 : right / (double) truth.length;
    }

    private String[] labels(DataTable table) {
        return table.categories(table.columnIndex(target));
    }

    private static Map<String, Integer> counts(String[] labels) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : labels) {
            if (label != null) {
                counts.merge(label, 1, Integer::sum);
            }
        }
        // Sorted by name: the class order (and so the macro average's order) must not depend on row order.
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static int[] nonNull(String[] labels) {
        int n = 0;
        int[] rows = new int[labels.length];
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] != null) {
                rows[n++] = r;
            }
        }
        return Arrays.copyOf(rows, n);
    }

    private int[] cap(int[] rows, Random random) {
        if (maxTrainingRows <= 0 || rows.length <= maxTrainingRows) {
            return rows;
        }
        int[] picked = RowSampling.sample(rows.length, maxTrainingRows, random);
        Arrays.sort(picked);
        int[] out = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            out[i] = rows[picked[i]];
        }
        return out;
    }

    /** Options: the target (required), classifier, training row cap and seed. */
    public static final class Builder {
        private String target;
        private UtilityClassifier classifier = DEFAULT_CLASSIFIER;
        private int maxTrainingRows;
        private long seed = 42L;

        private Builder() {
        }

        /** The categorical column to predict. */
        public Builder setTarget(String target) {
            Objects.requireNonNull(target, "target");
            if (target.isBlank()) {
                throw new IllegalArgumentException("target must name a column. Provided value: '" + target + "'");
            }
            this.target = target;
            return this;
        }

        /** Default {@link UtilityClassifier#LOGISTIC_REGRESSION}. */
        public Builder optClassifier(UtilityClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * The most rows each model trains on (real and synthetic alike), sampled with the seed; 0 (default) for all.
         */
        public Builder optMaxTrainingRows(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("maxTrainingRows must be >= 0. Provided value: " + rows);
            }
            this.maxTrainingRows = rows;
            return this;
        }

        /** Seeds the classifier and the row samples; default 42. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public UtilityEvaluator build() {
            if (target == null) {
                throw new IllegalStateException("a utility evaluation needs a target; call setTarget");
            }
            return new UtilityEvaluator(this);
        }
    }
}
