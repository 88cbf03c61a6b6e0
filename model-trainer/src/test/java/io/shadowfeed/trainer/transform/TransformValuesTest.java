package io.shadowfeed.trainer.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shadowfeed.trainer.data.ColumnKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of the small value types and the settings builder. */
class TransformValuesTest {

    @Test
    void outputSpanChecksItsShape() {
        assertThat(new OutputSpan(4, 3, Activation.SOFTMAX).end()).isEqualTo(7);
        assertThatThrownBy(() -> new OutputSpan(0, 0, Activation.SOFTMAX))
                .hasMessage("width must be >= 1. Provided value: 0");
        assertThatThrownBy(() -> new OutputSpan(-1, 1, Activation.TANH))
                .hasMessage("offset must be >= 0. Provided value: -1");
        assertThatThrownBy(() -> new OutputSpan(0, 2, Activation.TANH))
                .hasMessage("width of a TANH span must be 1. Provided value: 2");
        assertThatThrownBy(() -> new OutputSpan(0, 1, null)).hasMessage("activation must not be null.");
    }

    @Test
    void discreteSpanChecksAndCopies() {
        long[] counts = {3, 1};
        DiscreteSpan span = new DiscreteSpan("c", 2, 2, Arrays.asList("a", null), counts);
        counts[0] = 99;
        assertThat(span.counts()).containsExactly(3, 1);
        span.counts()[1] = 99;
        assertThat(span.count(1)).isEqualTo(1);
        assertThat(span.categories()).containsExactly("a", null);
        assertThat(span.isRareBucket(0)).isFalse();
        assertThat(span).isEqualTo(new DiscreteSpan("c", 2, 2, Arrays.asList("a", null), new long[] {3, 1}));

        assertThatThrownBy(() -> new DiscreteSpan("c", 0, 3, List.of("a", "b"), new long[] {1, 1}))
                .hasMessage("categories and counts must have one entry per position (width 3). Provided value: 2 "
                        + "categories, 2 counts");
        assertThatThrownBy(() -> new DiscreteSpan("c", 0, 1, List.of("a"), new long[] {-1}))
                .hasMessage("counts must be >= 0. Provided value: -1");
    }

    @Test
    void settingsBuilderHasTheReferenceDefaultsAndChecksEachValue() {
        TransformerSettings defaults = TransformerSettings.defaults();
        assertThat(defaults.mixture()).isEqualTo(new MixtureSettings(10, 0.001, 0.005, 100, 1e-3, 50_000));
        assertThat(defaults.rareCategoryMinCount()).isEqualTo(1);

        TransformerSettings custom = TransformerSettings.builder().maxComponents(5).weightConcentrationPrior(0.01)
                .weightThreshold(0.01).maxIterations(50).tolerance(1e-2).maxFitRows(1000).rareCategoryMinCount(20)
                .build();
        assertThat(custom.mixture()).isEqualTo(new MixtureSettings(5, 0.01, 0.01, 50, 1e-2, 1000));
        assertThat(custom.rareCategoryMinCount()).isEqualTo(20);

        assertThatThrownBy(() -> TransformerSettings.builder().maxFitRows(0))
                .hasMessage("maxFitRows must be >= 1. Provided value: 0");
        assertThatThrownBy(() -> TransformerSettings.builder().rareCategoryMinCount(0))
                .hasMessage("rareCategoryMinCount must be >= 1. Provided value: 0");
        assertThatThrownBy(() -> TransformerSettings.builder().tolerance(Double.NaN))
                .hasMessage("tolerance must be finite and > 0. Provided value: NaN");
    }

    @Test
    void stateRecordsCheckTheirContents() {
        assertThatThrownBy(() -> new MixtureState(new double[] {1}, new double[] {1}, new double[] {1},
                new double[] {0, 1}, new double[] {1}, new double[] {1}, 0.005, 1, true))
                .hasMessage("means must have one entry per component (1). Provided value: 2 entries");
        assertThatThrownBy(() -> new TransformerState(2, List.of()))
                .hasMessage("formatVersion must be 1. Provided value: 2");
        assertThatThrownBy(() -> new DiscreteColumnState("c", ColumnKind.DISCRETE,
                List.of("a", DiscreteSpan.RARE), new long[] {1, 2}, List.of(), new long[0]))
                .hasMessageContaining("must have rare members exactly when it has the rare bucket");
    }
}
