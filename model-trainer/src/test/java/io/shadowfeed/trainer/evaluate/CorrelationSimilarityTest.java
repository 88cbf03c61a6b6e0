package io.shadowfeed.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.Random;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class CorrelationSimilarityTest {

    @Test
    void oppositeCorrelationsScoreZero() {
        double[] x = {1, 2, 3};
        assertThat(CorrelationSimilarity.score(x, new double[] {2, 4, 6}, x, new double[] {6, 4, 2})).isEqualTo(0.0);
    }

    @Test
    void perfectAgainstNoCorrelationScoresHalf() {
        // x deviations (-1.5, -.5, .5, 1.5) against y (1, -1, -1, 1): covariance 0, so r = 0.
        double[] x = {1, 2, 3, 4};
        assertThat(CorrelationSimilarity.pearson(x, new double[] {1, -1, -1, 1})).isCloseTo(0, within(1e-12));
        assertThat(CorrelationSimilarity.score(x, new double[] {2, 4, 6, 8}, x, new double[] {1, -1, -1, 1}))
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void rowsWithANullOnEitherSideAreLeftOut() {
        double[] x = {1, 2, Double.NaN, 3, 10};
        double[] y = {2, 4, 100, 6, Double.NaN};
        assertThat(CorrelationSimilarity.pearson(x, y)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void constantColumnHasNoCorrelation() {
        assertThat(CorrelationSimilarity.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThat(CorrelationSimilarity.pearson(new double[] {1}, new double[] {1})).isNaN();
    }

    @Test
    void agreesWithCommonsMath() {
        Random random = new Random(11);
        double[] x = new double[300];
        double[] y = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.7e9 + random.nextGaussian() * 1000;
            y[i] = 0.3 * x[i] + random.nextGaussian() * 900;
        }
        assertThat(CorrelationSimilarity.pearson(x, y))
                .isCloseTo(new PearsonsCorrelation().correlation(x, y), within(1e-9));
    }

    @Test
    void tableForm() {
        DataTable real = DataTable.builder()
                .addNumeric("a", ColumnKind.CONTINUOUS, new double[] {1, 2, 3})
                .addNumeric("b", ColumnKind.DATETIME, new double[] {3, 2, 1})
                .build();
        assertThat(new CorrelationSimilarity().compute(real, real, "a", "b")).isEqualTo(1.0);
    }
}
