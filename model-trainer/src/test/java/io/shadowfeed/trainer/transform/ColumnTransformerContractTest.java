package io.shadowfeed.trainer.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every column transformer promises: a valid layout, a reversible encoding, a faithful saved state. */
class ColumnTransformerContractTest {

    private static final int ROWS = 1500;

    static Stream<Arguments> columns() {
        Random random = new Random(21);
        double[] measurement = new double[ROWS];
        double[] withNulls = new double[ROWS];
        double[] days = new double[ROWS];
        String[] colours = new String[ROWS];
        String[] withNullCategories = new String[ROWS];
        String[] flags = new String[ROWS];
        String[] grades = new String[ROWS];
        String[] palette = {"red", "green", "blue", "teal", "olive"};
        for (int r = 0; r < ROWS; r++) {
            measurement[r] = r % 3 == 0 ? 12.5 + random.nextGaussian() : -40 + 6 * random.nextGaussian();
            withNulls[r] = r % 10 == 0 ? Double.NaN : 1e6 * random.nextDouble();
            days[r] = 19_000 + Math.floor(365 * random.nextDouble());
            colours[r] = palette[random.nextInt(palette.length)];
            withNullCategories[r] = r % 4 == 0 ? null : palette[random.nextInt(2)];
            flags[r] = random.nextBoolean() ? "true" : "false";
            // Grades "A".."C" are common; "D".."G" appear once or twice each and share the bucket.
            grades[r] = r < 8 ? String.valueOf((char) ('D' + r % 4)) : String.valueOf((char) ('A' + r % 3));
        }
        return Stream.of(
                Arguments.of("measurement", numeric(ColumnKind.CONTINUOUS, measurement), 1),
                Arguments.of("with nulls", numeric(ColumnKind.CONTINUOUS, withNulls), 1),
                Arguments.of("datetime days", numeric(ColumnKind.DATETIME, days), 1),
                Arguments.of("colour", categorical(ColumnKind.DISCRETE, colours), 1),
                Arguments.of("null category", categorical(ColumnKind.DISCRETE, withNullCategories), 1),
                Arguments.of("boolean", categorical(ColumnKind.BOOLEAN, flags), 1),
                Arguments.of("ordinal with bucket", categorical(ColumnKind.ORDINAL, grades), 3));
    }

    private static DataTable numeric(ColumnKind kind, double[] values) {
        return DataTable.builder().addNumeric("c", kind, values).build();
    }

    private static DataTable categorical(ColumnKind kind, String[] values) {
        return DataTable.builder().addCategorical("c", kind, values).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columns")
    void spansTileTheColumnAndEveryGroupIsOneHot(String name, DataTable table, int rareMinCount) {
        ColumnTransformer transformer = fit(table, rareMinCount);
        List<OutputSpan> spans = transformer.spans(3);
        assertThat(spans.get(0).offset()).isEqualTo(3);
        assertThat(spans.get(spans.size() - 1).end()).isEqualTo(3 + transformer.outputWidth());

        int stride = transformer.outputWidth() + 5;
        float[] out = new float[ROWS * stride];
        Arrays.fill(out, 7f);
        transformer.transform(table, out, stride, 3, new SplittableRandom(1));
        for (int r = 0; r < ROWS; r++) {
            assertThat(out[r * stride + 2]).as("outside the column").isEqualTo(7f);
            assertThat(out[r * stride + 3 + transformer.outputWidth()]).as("outside the column").isEqualTo(7f);
            for (OutputSpan span : spans) {
                int start = r * stride + span.offset();
                if (span.activation() == Activation.TANH) {
                    assertThat(out[start]).isBetween(-0.99f, 0.99f);
                } else {
                    int ones = 0;
                    for (int i = 0; i < span.width(); i++) {
                        assertThat(out[start + i]).isIn(0f, 1f);
                        ones += out[start + i] == 1f ? 1 : 0;
                    }
                    assertThat(ones).as("row %s span %s", r, span).isEqualTo(1);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columns")
    void deterministicEncodingDecodesToTheInput(String name, DataTable table, int rareMinCount) {
        ColumnTransformer transformer = fit(table, rareMinCount);
        int width = transformer.outputWidth();
        float[] encoded = new float[ROWS * width];
        transformer.transform(table, encoded, width, 0, null);

        if (transformer instanceof ContinuousTransformer continuous) {
            double[] original = table.numbers(0);
            double[] decoded = new double[ROWS];
            transformer.inverse(encoded, ROWS, width, 0, decoded, null, null);
            double tolerance = 1e-3 * (continuous.max() - continuous.min());
            for (int r = 0; r < ROWS; r++) {
                if (Double.isNaN(original[r])) {
                    assertThat(decoded[r]).isNaN();
                } else if (Math.abs(encoded[r * width]) < 0.99f) {
                    assertThat(decoded[r]).as("row %s", r).isCloseTo(original[r], within(tolerance));
                }
            }
            assertThat(continuous.integral()).isEqualTo(table.kind(0) == ColumnKind.DATETIME);
        } else {
            DiscreteTransformer discrete = (DiscreteTransformer) transformer;
            String[] original = table.categories(0);
            String[] decoded = new String[ROWS];
            transformer.inverse(encoded, ROWS, width, 0, null, decoded, new SplittableRandom(2));
            for (int r = 0; r < ROWS; r++) {
                if (discrete.rareMembers().contains(original[r])) {
                    assertThat(discrete.rareMembers()).contains(decoded[r]);
                } else {
                    assertThat(decoded[r]).as("row %s", r).isEqualTo(original[r]);
                }
            }
            assertThat(discrete.rareMembers().isEmpty()).isEqualTo(rareMinCount == 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columns")
    void restoredStateEncodesTheSame(String name, DataTable table, int rareMinCount) {
        ColumnTransformer transformer = fit(table, rareMinCount);
        ColumnTransformer restored = ColumnTransformer.fromState(transformer.state());
        int width = transformer.outputWidth();
        float[] a = new float[ROWS * width];
        float[] b = new float[ROWS * width];
        transformer.transform(table, a, width, 0, new SplittableRandom(3));
        restored.transform(table, b, width, 0, new SplittableRandom(3));

        assertThat(b).containsExactly(a);
        assertThat(restored.state()).isEqualTo(transformer.state());
        assertThat(restored.spans(0)).isEqualTo(transformer.spans(0));
    }

    @Test
    void sampledModesFollowThePosterior() {
        MixtureState state = new MixtureState(new double[] {501, 301, 201}, new double[] {502.001, 201.001, 0.001},
                new double[] {501, 301, 201}, new double[] {0, 1, 6}, new double[] {501, 301, 201},
                new double[] {1, 1, 1}, 0.005, 10, true);
        ContinuousTransformer transformer = ContinuousTransformer.fromState(new ContinuousColumnState("c",
                ColumnKind.CONTINUOUS, state, false, false, -5, 10));
        int rows = 20_000;
        double[] values = new double[rows];
        Arrays.fill(values, 0.6);
        DataTable table = numeric(ColumnKind.CONTINUOUS, values);
        float[] out = new float[rows * transformer.outputWidth()];
        transformer.transform(table, out, transformer.outputWidth(), 0, new SplittableRandom(4));

        double[] posterior = transformer.mixture().posterior(0.6);
        double total = 0;
        for (double p : posterior) {
            total += p + ContinuousTransformer.MODE_EPSILON;
        }
        for (int m = 0; m < 3; m++) {
            int hits = 0;
            for (int r = 0; r < rows; r++) {
                hits += out[r * transformer.outputWidth() + 1 + m] == 1f ? 1 : 0;
            }
            double expected = (posterior[m] + ContinuousTransformer.MODE_EPSILON) / total;
            assertThat((double) hits / rows).as("mode %s", m)
                    .isCloseTo(expected, within(4 * Math.sqrt(expected * (1 - expected) / rows) + 1e-4));
        }
        // Both near modes are likely at 0.6, the far one is not: sampling must show that.
        assertThat(posterior[0]).isBetween(0.2, 0.8);
        assertThat(posterior[2]).isLessThan(1e-3);
    }

    private static ColumnTransformer fit(DataTable table, int rareMinCount) {
        TransformerSettings settings = TransformerSettings.builder().rareCategoryMinCount(rareMinCount).build();
        ColumnTransformer transformer = ColumnTransformer.fit(table, "c", settings, 17);
        assertThat(Objects.requireNonNull(transformer).column()).isEqualTo("c");
        return transformer;
    }
}
