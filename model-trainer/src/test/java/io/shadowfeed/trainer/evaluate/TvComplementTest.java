package io.shadowfeed.trainer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TvComplementTest {

    @Test
    void halfTheL1DistanceOfFrequencies() {
        // p = (a .5, b .5), q = (a .25, b .75): 0.5 * (.25 + .25) = .25.
        assertThat(TvComplement.score(new String[] {"a", "a", "b", "b"}, new String[] {"a", "b", "b", "b"}))
                .isCloseTo(0.75, within(1e-12));
    }

    @Test
    void nullIsACategory() {
        // p = (a .5, null .5), q = (a 1): distance .5.
        assertThat(TvComplement.score(new String[] {"a", null}, new String[] {"a", "a"}))
                .isCloseTo(0.5, within(1e-12));
        assertThat(TvComplement.score(new String[] {null, "a"}, new String[] {"a", null})).isEqualTo(1.0);
    }

    @Test
    void disjointCategoriesScoreZero() {
        assertThat(TvComplement.score(new String[] {"a", "b"}, new String[] {"c"})).isEqualTo(0.0);
    }

    @Test
    void tableFormUsesTheNamedColumn() {
        assertThat(new TvComplement().compute(Tables.categorical("c", "x", "y", "y"),
                Tables.categorical("c", "x", "x", "y"), "c")).isCloseTo(2.0 / 3, within(1e-12));
    }
}
