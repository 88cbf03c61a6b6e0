package io.shadowfeed.trainer.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A checked-in state of format version 1 must keep loading and encoding the same way. Its numbers are simple enough
 * to check by hand: "amount" has modes N(10, 2^2) (weight about 0.6) and N(100, 5^2), nulls and the range [2, 118];
 * "colour" has a null category and a bucket of "green" (4) and "violet" (3); "visits" is one whole-number mode
 * N(1000, 10^2) in [960, 1040].
 */
class TransformerStateCompatibilityTest {

    private static String fixture() throws IOException {
        try (InputStream in = TransformerStateCompatibilityTest.class.getResourceAsStream(
                "/transform/transformer-state-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void versionOneFixtureLoadsWithItsLayout() throws IOException {
        DataTransformer transformer = DataTransformer.fromJson(fixture());

        assertThat(transformer.columns()).containsExactly("amount", "colour", "visits");
        assertThat(transformer.kinds()).containsExactly(ColumnKind.CONTINUOUS, ColumnKind.DISCRETE,
                ColumnKind.DATETIME);
        assertThat(transformer.spans()).containsExactly(new OutputSpan(0, 1, Activation.TANH),
                new OutputSpan(1, 2, Activation.SOFTMAX), new OutputSpan(3, 2, Activation.SOFTMAX),
                new OutputSpan(5, 4, Activation.SOFTMAX), new OutputSpan(9, 1, Activation.TANH),
                new OutputSpan(10, 1, Activation.SOFTMAX));
        assertThat(transformer.outputWidth()).isEqualTo(11);
        DiscreteSpan colour = transformer.discreteSpans().get(0);
        assertThat(colour.offset()).isEqualTo(5);
        assertThat(colour.categories()).containsExactly("blue", "red", null, DiscreteSpan.RARE);
        assertThat(colour.counts()).containsExactly(50, 30, 5, 7);
        assertThat(transformer.categoryIndex("colour", "violet")).isEqualTo(3);
        assertThat(transformer.categoryIndex("colour", null)).isEqualTo(2);

        BayesianGaussianMixture amount = ((ContinuousTransformer) transformer.transformer("amount")).mixture();
        assertThat(amount.weights()).containsExactly(new double[] {601 / 1001.001, 400.001 / 1001.001},
                within(1e-6));
        assertThat(amount.stds()).containsExactly(2.0, 5.0);
    }

    @Test
    void versionOneFixtureEncodesAndDecodesAsComputedByHand() throws IOException {
        DataTransformer transformer = DataTransformer.fromJson(fixture());
        DataTable table = DataTable.builder()
                .addNumeric("amount", ColumnKind.CONTINUOUS, new double[] {105, 9, Double.NaN, 300})
                .addCategorical("colour", ColumnKind.DISCRETE, new String[] {"red", null, "green", "blue"})
                .addNumeric("visits", ColumnKind.DATETIME, new double[] {1010, 990, 1000, 1000})
                .build();

        float[] encoded = transformer.transformDeterministic(table);

        assertThat(Arrays.copyOfRange(encoded, 0, 11))
                .containsExactly(0.25f, 0, 1, 1, 0, 0, 1, 0, 0, 0.25f, 1);
        assertThat(Arrays.copyOfRange(encoded, 11, 22))
                .containsExactly(-0.125f, 1, 0, 1, 0, 0, 0, 1, 0, -0.25f, 1);
        // A null: scalar 0 in the heaviest mode, the null flag set.
        assertThat(Arrays.copyOfRange(encoded, 22, 33)).containsExactly(0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1);
        // 300 is 10 standard deviations above 100: clipped.
        assertThat(encoded[33]).isEqualTo(0.99f);

        float[] generated = {
            0.5f, 0.1f, 0.9f, 0.8f, 0.2f, 0.1f, 0.2f, 0.3f, 0.4f, 0.123f, 1f,
            2.0f, 0.7f, 0.3f, 0.6f, 0.4f, 0.9f, 0f, 0f, 0f, -1f, 1f,
            1f, 0f, 1f, 0.9f, 0.1f, 0f, 0f, 0.6f, 0.4f, 0.51f, 1f,
            0f, 0.5f, 0.5f, 0.3f, 0.7f, 0f, 1f, 0f, 0f, -0.03f, 1f};
        DataTable decoded = transformer.inverse(generated, 4, 1);

        // Mode 1: 0.5 * 4 * 5 + 100. Scalar 2 clipped to 1 in mode 0: 1 * 4 * 2 + 10. Scalar 1 in mode 1: 120,
        // clamped to the training maximum 118. Null flag above not-null: null.
        assertThat(decoded.numbers(0)).containsExactly(110.0, 18.0, 118.0, Double.NaN);
        // The first row's bucket resolves to one of its members.
        assertThat(decoded.category(1, 0)).isIn("green", "violet");
        assertThat(Arrays.copyOfRange(decoded.categories(1), 1, 4)).containsExactly("blue", null, "red");
        // Whole numbers: 1000 + 0.123 * 40 = 1004.92 -> 1005; 1000 - 40 = 960; 1020.4 -> 1020; 998.8 -> 999.
        assertThat(decoded.numbers(2)).containsExactly(1005.0, 960.0, 1020.0, 999.0);
    }

    @Test
    void bucketDecodesToItsMembersByFrequency() throws IOException {
        DataTransformer transformer = DataTransformer.fromJson(fixture());
        int rows = 7000;
        float[] bucketRows = new float[rows * 11];
        for (int r = 0; r < rows; r++) {
            bucketRows[r * 11 + 8] = 1f;
            bucketRows[r * 11 + 1] = 1f;
            bucketRows[r * 11 + 10] = 1f;
        }
        String[] drawn = transformer.inverse(bucketRows, rows, 5).categories(1);

        long green = Arrays.stream(drawn).filter("green"::equals).count();
        long violet = Arrays.stream(drawn).filter("violet"::equals).count();
        assertThat(green + violet).isEqualTo(rows);
        // 4 / 7 of the draws, within four standard errors.
        assertThat((double) green / rows).isCloseTo(4.0 / 7, within(4 * Math.sqrt(4.0 / 7 * 3.0 / 7 / rows)));
        assertThat(transformer.inverse(bucketRows, rows, 5).categories(1)).containsExactly(drawn);
        String[] other = new String[rows];
        transformer.transformer("colour").inverse(bucketRows, rows, 11, 5, null, other, new SplittableRandom(6));
        assertThat(other).isNotEqualTo(drawn);
    }

    @Test
    void otherVersionsAndLayoutsAreRejected() throws IOException {
        String fixture = fixture();

        assertThatThrownBy(() -> DataTransformer.fromJson(fixture.replace("\"formatVersion\" : 1",
                "\"formatVersion\" : 2")))
                .isInstanceOf(TransformerFormatException.class)
                .hasMessage("transformer state has format version 2; this build reads version 1: use a newer build "
                        + "to read it");
        assertThatThrownBy(() -> DataTransformer.fromJson(fixture.replace("\"formatVersion\" : 1,", "")))
                .isInstanceOf(TransformerFormatException.class).hasMessageContaining("no integer 'formatVersion'");
        assertThatThrownBy(() -> DataTransformer.fromJson(fixture.replace("\"integral\" : true,", "")))
                .isInstanceOf(TransformerFormatException.class).hasMessageContaining("integral");
        assertThatThrownBy(() -> DataTransformer.fromJson(fixture.replace("\"min\" : 960.0,",
                "\"min\" : 960.0, \"unit\" : \"days\",")))
                .isInstanceOf(TransformerFormatException.class).hasMessageContaining("unit");
        assertThatThrownBy(() -> DataTransformer.fromJson(fixture.replace("\"covariances\" : [ 100.0 ]",
                "\"covariances\" : [ -1.0 ]")))
                .isInstanceOf(TransformerFormatException.class)
                .hasMessageContaining("covariances must be finite and > 0");
        assertThatThrownBy(() -> DataTransformer.fromJson("{ not json"))
                .isInstanceOf(TransformerFormatException.class).hasMessageStartingWith("transformer state is not "
                        + "valid JSON");
    }

    @Test
    void writingTheFixtureBackGivesTheSameState() throws IOException {
        DataTransformer transformer = DataTransformer.fromJson(fixture());

        assertThat(DataTransformer.fromJson(transformer.toJson()).state()).isEqualTo(transformer.state());
        assertThat(transformer.state().columns()).hasSize(3);
        assertThat(transformer.state().columns().get(1)).isEqualTo(new DiscreteColumnState("colour",
                ColumnKind.DISCRETE, Arrays.asList("blue", "red", null, DiscreteSpan.RARE), new long[] {50, 30, 5, 7},
                List.of("green", "violet"), new long[] {4, 3}));
    }
}
