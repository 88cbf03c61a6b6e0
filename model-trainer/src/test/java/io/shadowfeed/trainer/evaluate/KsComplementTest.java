package io.shadowfeed.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class KsComplementTest {
    private static final double NAN = Double.NaN;

    @Test
    void shiftedSamplesDifferByHalf() {
        // ECDFs at 1..6: (.25, .5, .75, 1, 1, 1) vs (0, 0, .25, .5, .75, 1): largest gap 0.5 at x = 2 (and 3, 4).
        assertThat(KsComplement.statistic(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6})).isEqualTo(0.5);
        assertThat(KsComplement.score(new double[] {4, 3, 2, 1}, new double[] {6, 5, 4, 3})).isEqualTo(0.5);
    }

    @Test
    void tiesAreStepsNotOrder() {
        // At 1: 2/3 vs 1/3; at 2: 1 vs 1. D = 1/3 regardless of how the tied values interleave.
        assertThat(KsComplement.statistic(new double[] {1, 1, 2}, new double[] {1, 2, 2}))
                .isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void disjointSamplesScoreZeroAndEqualOnesScoreOne() {
        assertThat(KsComplement.score(new double[] {1, 2}, new double[] {3, 4, 5})).isEqualTo(0.0);
        assertThat(KsComplement.score(new double[] {5, 1, 3}, new double[] {1, 3, 5, 5, 3, 1})).isEqualTo(1.0);
    }

    @Test
    void nullsAreDropped() {
        assertThat(KsComplement.score(new double[] {1, NAN, 2}, new double[] {2, 1, NAN, NAN})).isEqualTo(1.0);
    }

    @Test
    void allNullOnOneSideScoresZeroAndOnBothSidesOne() {
        assertThat(KsComplement.score(new double[] {NAN, NAN}, new double[] {1})).isEqualTo(0.0);
        assertThat(KsComplement.score(new double[] {NAN}, new double[] {NAN, NAN})).isEqualTo(1.0);
        assertThatThrownBy(() -> KsComplement.statistic(new double[] {NAN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-null value in both samples");
    }

    @Test
    void agreesWithCommonsMathOnRandomSamples() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            double[] a = new double[50 + random.nextInt(200)];
            double[] b = new double[30 + random.nextInt(200)];
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.round(random.nextGaussian() * 10) / 2.0;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = Math.round((random.nextGaussian() + 0.3) * 10) / 2.0;
            }
            double expected = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(a, b);
            assertThat(KsComplement.statistic(a, b)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void tableFormChecksTheColumnKind() {
        KsComplement metric = new KsComplement();
        assertThat(metric.compute(Tables.numeric("x", 1, 2, 3, 4), Tables.numeric("x", 3, 4, 5, 6), "x"))
                .isEqualTo(0.5);
        assertThatThrownBy(() -> metric.compute(Tables.categorical("x", "a"), Tables.categorical("x", "a"), "x"))
                .isInstanceOf(IncompatibleTablesException.class)
                .hasMessage("KSComplement needs a numeric column, but 'x' is DISCRETE");
        assertThatThrownBy(() -> metric.compute(Tables.numeric("x", 1), Tables.numeric("y", 1), "x"))
                .isInstanceOf(IncompatibleTablesException.class)
                .hasMessageContaining("the synthetic table has no column 'x'");
        assertThat(metric.goal()).isEqualTo(Goal.MAXIMIZE);
        assertThat(metric.name()).isEqualTo("KSComplement");
    }
}
