package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes an {@link EvaluationReport} for a synthetic table against the real training table and, optionally, a real
 * holdout the generator never saw. The real table's modelled columns ({@code ColumnKind.isModelled()}) take part; the
 * other tables must hold them with the same kinds, and may hold more.
 *
 * <p>Without a holdout, DCR share and TSTR cannot be measured: they are null in the report with the reason. Exact
 * match and NNDR need only the training table.
 */
public final class Evaluator {
    public static final int DEFAULT_HISTOGRAM_BINS = 20;
    public static final int DEFAULT_TOP_CATEGORIES = 20;

    private final String target;
    private final long seed;
    private final DistanceToClosestRecord distances;
    private final UtilityClassifier classifier;
    private final int maxUtilityTrainingRows;
    private final int histogramBins;
    private final int topCategories;

    private Evaluator(Builder builder) {
        this.target = builder.target;
        this.seed = builder.seed;
        this.distances = DistanceToClosestRecord.builder()
                .optTrainingRowCap(builder.trainingRowCap)
                .optSyntheticRowCap(builder.syntheticRowCap)
                .optParallelism(builder.parallelism)
                .optSeed(builder.seed)
                .build();
        this.classifier = builder.classifier;
        this.maxUtilityTrainingRows = builder.maxUtilityTrainingRows;
        this.histogramBins = builder.histogramBins;
        this.topCategories = builder.topCategories;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param real the real data the generator trained on
     * @param synthetic the generator's output
     * @param holdout real rows kept away from training, or null
     */
    public EvaluationReport evaluate(DataTable real, DataTable synthetic, DataTable holdout) {
        Objects.requireNonNull(real, "real");
        Objects.requireNonNull(synthetic, "synthetic");
        List<String> columns = ModelledColumns.of(real);
        if (columns.isEmpty()) {
            throw new IncompatibleTablesException("the real table has no modelled column to evaluate; its kinds are "
                    + real.kinds());
        }
        ModelledColumns.requireAligned(real, synthetic, "synthetic");
        if (holdout != null) {
            ModelledColumns.requireAligned(real, holdout, "holdout");
        }
        if (target != null) {
            ModelledColumns.realIndex(real, target, false, "the utility target");
        }

        List<EncodedColumn> encoded = new ArrayList<>(columns.size());
        List<ColumnDistribution> distributions = new ArrayList<>(columns.size());
        for (String column : columns) {
            EncodedColumn e = EncodedColumn.of(real, synthetic, column);
            encoded.add(e);
            distributions.add(Distributions.of(e, histogramBins, topCategories));
        }
        ColumnShapesScore shapes = ColumnShapes.ofEncoded(encoded);
        ColumnPairTrendsScore pairs = ColumnPairTrends.ofEncoded(encoded);

        Map<String, String> unavailable = new LinkedHashMap<>();
        if (pairs.score() == null) {
            unavailable.put(EvaluationReport.COLUMN_PAIR_TRENDS, "only one modelled column, so no pairs");
        }
        ExactMatchRate exactMatch = new ExactMatchRate();
        double exactMatchRate = exactMatch.compute(real, synthetic);
        Double holdoutExactMatchRate = holdout == null ? null : exactMatch.compute(real, holdout);
        DcrScores dcr = distances.compute(real, synthetic, holdout);
        UtilityScores utility = null;
        if (holdout == null) {
            String reason = "no holdout given";
            unavailable.put(EvaluationReport.HOLDOUT_EXACT_MATCH_RATE, reason);
            unavailable.put(EvaluationReport.DCR_SHARE, reason);
            unavailable.put(EvaluationReport.DCR_OVERFITTING_PROTECTION, reason);
            unavailable.put(EvaluationReport.TSTR_F1, target == null ? "no target and no holdout given" : reason);
            unavailable.put(EvaluationReport.TRTR_F1, unavailable.get(EvaluationReport.TSTR_F1));
        } else if (target == null) {
            unavailable.put(EvaluationReport.TSTR_F1, "no target given");
            unavailable.put(EvaluationReport.TRTR_F1, "no target given");
        } else {
            utility = UtilityEvaluator.builder()
                    .setTarget(target)
                    .optClassifier(classifier)
                    .optMaxTrainingRows(maxUtilityTrainingRows)
                    .optSeed(seed)
                    .build()
                    .evaluate(real, synthetic, holdout);
        }
        return new EvaluationReport(EvaluationReport.FORMAT_VERSION, target,
                new RowCounts(real.rowCount(), synthetic.rowCount(), holdout == null ? null : holdout.rowCount()),
                shapes, pairs, exactMatchRate, holdoutExactMatchRate, dcr, utility, unavailable, distributions);
    }

    /** Options; every one has a default. */
    public static final class Builder {
        private String target;
        private long seed = 42L;
        private int trainingRowCap = DistanceToClosestRecord.DEFAULT_TRAINING_ROW_CAP;
        private int syntheticRowCap = DistanceToClosestRecord.DEFAULT_SYNTHETIC_ROW_CAP;
        private int parallelism = DistanceToClosestRecord.DEFAULT_PARALLELISM;
        private UtilityClassifier classifier = UtilityEvaluator.DEFAULT_CLASSIFIER;
        private int maxUtilityTrainingRows;
        private int histogramBins = DEFAULT_HISTOGRAM_BINS;
        private int topCategories = DEFAULT_TOP_CATEGORIES;

        private Builder() {
        }

        /** The categorical column for TSTR / TRTR; without one, utility is not measured. */
        public Builder optTarget(String target) {
            Objects.requireNonNull(target, "target");
            if (target.isBlank()) {
                throw new IllegalArgumentException("target must name a column. Provided value: '" + target + "'");
            }
            this.target = target;
            return this;
        }

        /** Seeds every sample and classifier; default 42. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Training and holdout rows sampled for distances; default 5000. */
        public Builder optTrainingRowCap(int cap) {
            this.trainingRowCap = EvaluatorPreconditions.positive("trainingRowCap", cap);
            return this;
        }

        /** Synthetic rows sampled for distances; default 2000. */
        public Builder optSyntheticRowCap(int cap) {
            this.syntheticRowCap = EvaluatorPreconditions.positive("syntheticRowCap", cap);
            return this;
        }

        /** Threads for the distance loops; default 2. */
        public Builder optParallelism(int threads) {
            this.parallelism = EvaluatorPreconditions.positive("parallelism", threads);
            return this;
        }

        /** The utility classifier; default logistic regression. */
        public Builder optUtilityClassifier(UtilityClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** The most rows each utility model trains on; 0 (default) for all. */
        public Builder optMaxUtilityTrainingRows(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("maxUtilityTrainingRows must be >= 0. Provided value: " + rows);
            }
            this.maxUtilityTrainingRows = rows;
            return this;
        }

        /** Bins of the numeric histograms in the report; default 20. */
        public Builder optHistogramBins(int bins) {
            this.histogramBins = EvaluatorPreconditions.positive("histogramBins", bins);
            return this;
        }

        /** Categories shown per categorical column (the rest in one bucket); default 20. */
        public Builder optTopCategories(int categories) {
            this.topCategories = EvaluatorPreconditions.positive("topCategories", categories);
            return this;
        }

        public Evaluator build() {
            return new Evaluator(this);
        }
    }
}
