package io.shadowfeed.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnPropertiesTest {

    @Test
    void identicalTablesScoreOneEverywhere() {
        DataTable adult = AdultTables.adult();
        ColumnShapesScore shapes = new ColumnShapes().compute(adult, adult);
        ColumnPairTrendsScore pairs = new ColumnPairTrends().compute(adult, adult);
        assertThat(shapes.score()).isEqualTo(1.0);
        assertThat(shapes.columns()).hasSize(15);
        assertThat(pairs.score()).isEqualTo(1.0);
        assertThat(pairs.pairs()).hasSize(15 * 14 / 2);
        assertThat(pairs.pairs()).allSatisfy(p -> assertThat(p.realAssociation()).isEqualTo(p.syntheticAssociation()));
    }

    @Test
    void shuffledColumnsKeepShapesButLosePairTrends() {
        List<DataTable> parts = AdultTables.split(1, 10000, 10000);
        DataTable real = parts.get(0);
        DataTable shuffled = Tables.shuffleEachColumn(real, 9);
        ColumnShapesScore shapes = new ColumnShapes().compute(real, shuffled);
        ColumnPairTrendsScore pairs = new ColumnPairTrends().compute(real, shuffled);
        ColumnPairTrendsScore otherRealRows = new ColumnPairTrends().compute(real, parts.get(1));

        assertThat(shapes.score()).isEqualTo(1.0);
        assertThat(otherRealRows.score()).isGreaterThan(0.95);
        assertThat(pairs.score()).isLessThan(otherRealRows.score() - 0.05);
        ColumnPairTrend educationPair = pair(pairs, "education", "education_num");
        assertThat(educationPair.metric()).isEqualTo(ContingencySimilarity.NAME);
        assertThat(educationPair.association()).isEqualTo(ColumnPairTrend.CRAMERS_V);
        assertThat(educationPair.realAssociation()).isGreaterThan(0.9);
        assertThat(educationPair.syntheticAssociation()).isLessThan(0.1);
        ColumnPairTrend numericPair = pair(pairs, "age", "hours_per_week");
        assertThat(numericPair.metric()).isEqualTo(CorrelationSimilarity.NAME);
        assertThat(numericPair.score()).isCloseTo(
                1 - Math.abs(numericPair.realAssociation() - numericPair.syntheticAssociation()) / 2, within(1e-12));
    }

    @Test
    void onlyModelledColumnsTakePart() {
        DataTable real = DataTable.builder()
                .addCategorical("id", ColumnKind.IDENTIFIER, new String[] {"1", "2", "3"})
                .addNumeric("x", ColumnKind.CONTINUOUS, new double[] {1, 2, 3})
                .build();
        DataTable synthetic = Tables.numeric("x", 1, 2, 3);
        ColumnShapesScore shapes = new ColumnShapes().compute(real, synthetic);
        assertThat(shapes.columns()).extracting(ColumnShape::column).containsExactly("x");
        assertThat(new ColumnPairTrends().compute(real, synthetic).score()).isNull();
    }

    @Test
    void constantNumericColumnFallsBackToContingency() {
        DataTable real = DataTable.builder()
                .addNumeric("a", ColumnKind.CONTINUOUS, new double[] {1, 1, 1, 1})
                .addNumeric("b", ColumnKind.CONTINUOUS, new double[] {1, 2, 3, 4})
                .build();
        ColumnPairTrend trend = new ColumnPairTrends().compute(real, real).pairs().get(0);
        assertThat(trend.metric()).isEqualTo(ContingencySimilarity.NAME);
        assertThat(trend.score()).isEqualTo(1.0);
        assertThat(trend.realAssociation()).isNull();
    }

    private static ColumnPairTrend pair(ColumnPairTrendsScore pairs, String first, String second) {
        return pairs.pairs().stream()
                .filter(p -> p.first().equals(first) && p.second().equals(second)
                        || p.first().equals(second) && p.second().equals(first))
                .findFirst().orElseThrow();
    }
}
