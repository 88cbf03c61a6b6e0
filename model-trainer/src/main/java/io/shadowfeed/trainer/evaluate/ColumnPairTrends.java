package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The Column Pair Trends property (SDMetrics' quality report) over every pair of the real table's modelled columns:
 * {@link CorrelationSimilarity} for two numeric columns, {@link ContingencySimilarity} otherwise (and for a numeric
 * pair whose correlation is undefined, e.g. a constant column). The property is the mean over pairs. Stateless.
 */
public final class ColumnPairTrends {

    public ColumnPairTrendsScore compute(DataTable real, DataTable synthetic) {
        List<EncodedColumn> columns = new ArrayList<>();
        for (String name : ModelledColumns.of(real)) {
            columns.add(EncodedColumn.of(real, synthetic, name));
        }
        return ofEncoded(columns);
    }

    static ColumnPairTrendsScore ofEncoded(List<EncodedColumn> columns) {
        List<ColumnPairTrend> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                pairs.add(trend(columns.get(i), columns.get(j)));
            }
        }
        if (pairs.isEmpty()) {
            return new ColumnPairTrendsScore(null, pairs);
        }
        double[] scores = new double[pairs.size()];
        for (int p = 0; p < scores.length; p++) {
            scores[p] = pairs.get(p).score();
        }
        return new ColumnPairTrendsScore(Scores.mean(scores), pairs);
    }

    static ColumnPairTrend trend(EncodedColumn first, EncodedColumn second) {
        if (first.isNumeric() && second.isNumeric()) {
            double realR = CorrelationSimilarity.pearson(first.realNumbers, second.realNumbers);
            double syntheticR = CorrelationSimilarity.pearson(first.syntheticNumbers, second.syntheticNumbers);
            boolean defined = !Double.isNaN(realR) && !Double.isNaN(syntheticR);
            String metric = defined ? CorrelationSimilarity.NAME : ContingencySimilarity.NAME;
            double score = defined ? CorrelationSimilarity.ofCorrelations(realR, syntheticR)
                    : ContingencySimilarity.ofEncoded(first, second);
            return new ColumnPairTrend(first.name, second.name, metric, score, ColumnPairTrend.PEARSON,
                    orNull(realR), orNull(syntheticR));
        }
        CrossTab real = ContingencySimilarity.realTable(first, second);
        CrossTab synthetic = ContingencySimilarity.syntheticTable(first, second);
        return new ColumnPairTrend(first.name, second.name, ContingencySimilarity.NAME,
                1 - CrossTab.totalVariation(real, synthetic), ColumnPairTrend.CRAMERS_V,
                real.cramersV(first.codeCount), synthetic.cramersV(first.codeCount));
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
