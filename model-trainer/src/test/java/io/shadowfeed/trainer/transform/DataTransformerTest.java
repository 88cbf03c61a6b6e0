package io.shadowfeed.trainer.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fit, transform and inverse on Adult. */
class DataTransformerTest {

    private static DataTable adult;
    private static DataTransformer transformer;

    @BeforeAll
    static void fit() {
        adult = AdultData.table().selectColumns(AdultData.MODELLED);
        transformer = DataTransformer.fit(adult, AdultData.MODELLED, TransformerSettings.defaults(), 7);
    }

    @Test
    void spansTileTheOutputInColumnOrder() {
        List<OutputSpan> spans = transformer.spans();
        int position = 0;
        for (OutputSpan span : spans) {
            assertThat(span.offset()).isEqualTo(position);
            position = span.end();
        }
        assertThat(position).isEqualTo(transformer.outputWidth());

        int expectedWidth = 0;
        int spanIndex = 0;
        for (String column : AdultData.MODELLED) {
            ColumnTransformer columnTransformer = transformer.transformer(column);
            assertThat(transformer.offset(column)).isEqualTo(expectedWidth);
            assertThat(spans.get(spanIndex).offset()).isEqualTo(expectedWidth);
            if (columnTransformer instanceof ContinuousTransformer continuous) {
                assertThat(spans.get(spanIndex).activation()).isEqualTo(Activation.TANH);
                assertThat(spans.get(spanIndex + 1).width()).isEqualTo(continuous.modeCount());
                assertThat(spans.get(spanIndex + 1).activation()).isEqualTo(Activation.SOFTMAX);
                assertThat(continuous.nullable()).isFalse();
                spanIndex += 2;
            } else {
                assertThat(spans.get(spanIndex).activation()).isEqualTo(Activation.SOFTMAX);
                assertThat(spans.get(spanIndex).width()).isEqualTo(columnTransformer.outputWidth());
                spanIndex += 1;
            }
            expectedWidth += columnTransformer.outputWidth();
        }
        assertThat(spanIndex).isEqualTo(spans.size());
        assertThat(transformer.columns()).isEqualTo(AdultData.MODELLED);
    }

    @Test
    void discreteSpansDescribeTheCategories() {
        List<DiscreteSpan> spans = transformer.discreteSpans();
        assertThat(spans).extracting(DiscreteSpan::column).containsExactly("workclass", "sex", "income");

        DiscreteSpan sex = spans.get(1);
        assertThat(sex.categories()).containsExactly("Female", "Male");
        assertThat(sex.offset()).isEqualTo(transformer.offset("sex"));
        assertThat(sex.count(0) + sex.count(1)).isEqualTo(adult.rowCount());
        assertThat(sex.count(1)).isEqualTo(countOf(adult, "sex", "Male"));

        DiscreteSpan workclass = spans.get(0);
        // "?" cells are nulls: their own category, after the named ones.
        assertThat(workclass.categories().get(workclass.width() - 1)).isNull();
        assertThat(workclass.count(workclass.width() - 1)).isEqualTo(countOf(adult, "workclass", null));
        assertThat(workclass.categories()).doesNotContain(DiscreteSpan.RARE);
        for (int p = 0; p < workclass.width(); p++) {
            assertThat(transformer.categoryIndex("workclass", workclass.categories().get(p))).isEqualTo(p);
        }
        assertThat(Arrays.stream(workclass.counts()).sum()).isEqualTo(adult.rowCount());

        int[] incomes = transformer.categoryIndices(adult, "income");
        String[] income = adult.categories(adult.columnIndex("income"));
        List<String> incomeCategories = spans.get(2).categories();
        for (int r = 0; r < income.length; r++) {
            assertThat(incomeCategories.get(incomes[r])).isEqualTo(income[r]);
        }
    }

    @Test
    void deterministicRoundTripReproducesTheTable() {
        float[] encoded = transformer.transformDeterministic(adult);
        assertThat(encoded).hasSize(adult.rowCount() * transformer.outputWidth());
        DataTable decoded = transformer.inverse(encoded, adult.rowCount(), 1);

        assertThat(decoded.columnNames()).isEqualTo(AdultData.MODELLED);
        assertThat(decoded.kinds()).isEqualTo(adult.kinds());
        for (String column : List.of("workclass", "sex", "income")) {
            int c = adult.columnIndex(column);
            assertThat(decoded.categories(c)).as(column).containsExactly(adult.categories(c));
        }
        for (String column : AdultData.CONTINUOUS) {
            assertContinuousRoundTrip(column, encoded, decoded);
        }
    }

    /** Unclipped values come back to within 1e-3 of the range; clipped ones at their mode's 0.99 edge. */
    private static void assertContinuousRoundTrip(String column, float[] encoded, DataTable decoded) {
        ContinuousTransformer continuous = (ContinuousTransformer) transformer.transformer(column);
        int offset = transformer.offset(column);
        int width = transformer.outputWidth();
        int[] modes = continuous.mixture().activeComponents();
        double range = continuous.max() - continuous.min();
        int c = adult.columnIndex(column);
        double[] original = adult.numbers(c);
        double[] restored = decoded.numbers(c);
        int clipped = 0;
        for (int r = 0; r < original.length; r++) {
            float scalar = encoded[r * width + offset];
            if (Math.abs(scalar) < (float) ContinuousTransformer.CLIP) {
                assertThat(restored[r]).as("%s row %s", column, r).isCloseTo(original[r], within(1e-3 * range));
                continue;
            }
            clipped++;
            int mode = argmax(encoded, r * width + offset + 1, modes.length);
            double edge = scalar * 4 * continuous.mixture().std(modes[mode]) + continuous.mixture().mean(modes[mode]);
            double expected = Math.rint(Math.max(continuous.min(), Math.min(continuous.max(), edge)));
            assertThat(restored[r]).as("%s clipped row %s", column, r).isEqualTo(expected);
            // The clip only ever pulls a value towards its mode's mean.
            assertThat(Math.abs(restored[r] - continuous.mixture().mean(modes[mode])))
                    .isLessThanOrEqualTo(Math.abs(original[r] - continuous.mixture().mean(modes[mode])) + 0.5);
        }
        assertThat(clipped).as("clipped rows of %s", column).isLessThan(original.length / 100);
    }

    @Test
    void sampledModesAreSeededAndStillDecode() {
        float[] first = transformer.transform(adult, 3);
        float[] again = transformer.transform(adult, 3);
        float[] other = transformer.transform(adult, 4);
        float[] deterministic = transformer.transformDeterministic(adult);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);

        // Age's modes overlap, so sampling moves a good share of rows off their most likely mode.
        int ageModes = transformer.spans().get(1).width();
        int width = transformer.outputWidth();
        int moved = 0;
        for (int r = 0; r < adult.rowCount(); r++) {
            if (argmax(first, r * width + 1, ageModes) != argmax(deterministic, r * width + 1, ageModes)) {
                moved++;
            }
        }
        assertThat(moved).isGreaterThan(adult.rowCount() / 20);

        DataTable decoded = transformer.inverse(first, adult.rowCount(), 1);
        int age = adult.columnIndex("age");
        int close = 0;
        for (int r = 0; r < adult.rowCount(); r++) {
            if (Math.abs(decoded.number(age, r) - adult.number(age, r)) <= 0.5) {
                close++;
            }
        }
        // Only values that fall more than 3.96 standard deviations from a sampled mode are clipped.
        assertThat(close).isGreaterThan(adult.rowCount() * 99 / 100);
        assertThat(decoded.categories(adult.columnIndex("income")))
                .containsExactly(adult.categories(adult.columnIndex("income")));
    }

    @Test
    void inverseOfGeneratorOutputStaysInRangeAndIntegral() {
        int rows = 2000;
        int width = transformer.outputWidth();
        float[] activated = new float[rows * width];
        SplittableRandom random = new SplittableRandom(5);
        for (int r = 0; r < rows; r++) {
            for (OutputSpan span : transformer.spans()) {
                if (span.activation() == Activation.TANH) {
                    activated[r * width + span.offset()] = (float) (2 * random.nextDouble() - 1);
                } else {
                    // A softmax-like group: positive, summing to one.
                    double sum = 0;
                    for (int i = 0; i < span.width(); i++) {
                        float v = (float) random.nextDouble();
                        activated[r * width + span.offset() + i] = v;
                        sum += v;
                    }
                    for (int i = 0; i < span.width(); i++) {
                        activated[r * width + span.offset() + i] /= (float) sum;
                    }
                }
            }
        }
        DataTable decoded = transformer.inverse(activated, rows, 9);

        for (String column : AdultData.CONTINUOUS) {
            ContinuousTransformer continuous = (ContinuousTransformer) transformer.transformer(column);
            assertThat(continuous.integral()).isTrue();
            for (double value : decoded.numbers(decoded.columnIndex(column))) {
                assertThat(value).isBetween(continuous.min(), continuous.max());
                assertThat(value).isEqualTo(Math.rint(value));
            }
        }
        List<String> sexes = transformer.discreteSpans().get(1).categories();
        for (String value : decoded.categories(decoded.columnIndex("sex"))) {
            assertThat(sexes).contains(value);
        }
    }

    @Test
    void inverseIntoReusesCallerArrays() {
        float[] encoded = transformer.transformDeterministic(adult.selectRows(new int[] {0, 1, 2, 3}));
        double[][] numbers = new double[6][];
        String[][] categories = new String[6][];
        for (int c = 0; c < 6; c++) {
            if (c < 3) {
                numbers[c] = new double[10];
            } else {
                categories[c] = new String[10];
            }
        }
        transformer.inverseInto(encoded, 4, new SplittableRandom(1), numbers, categories);

        assertThat(numbers[0]).startsWith(39, 50, 38, 53);
        assertThat(categories[4]).startsWith("Male", "Male", "Male", "Male");
        assertThat(categories[3]).startsWith("State-gov", "Self-emp-not-inc", "Private", "Private");
        assertThatThrownBy(() -> transformer.inverseInto(encoded, 5, new SplittableRandom(1), numbers, categories))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buffer must hold 5 rows");
    }

    @Test
    void unknownCategoryNamesColumnRowAndCategory() {
        String[] workclass = adult.categories(adult.columnIndex("workclass"));
        workclass[2] = "Space-agency";
        DataTable changed = replaceCategorical(adult.selectRows(new int[] {0, 1, 2, 3}), "workclass",
                Arrays.copyOf(workclass, 4));

        assertThatThrownBy(() -> transformer.transform(changed, 1))
                .isInstanceOfSatisfying(UnknownCategoryException.class, e -> {
                    assertThat(e.column()).isEqualTo("workclass");
                    assertThat(e.category()).isEqualTo("Space-agency");
                    assertThat(e.row()).isEqualTo(2);
                })
                .hasMessageContaining("column 'workclass' row 2 has category 'Space-agency', which training did "
                        + "not see; known categories: 'Federal-gov', 'Local-gov'")
                .hasMessageContaining("and 4 more");
        assertThatThrownBy(() -> transformer.categoryIndex("sex", "Other"))
                .isInstanceOf(UnknownCategoryException.class).hasMessageContaining("'Female', 'Male'");
        assertThatThrownBy(() -> transformer.categoryIndex("sex", null))
                .isInstanceOf(UnknownCategoryException.class).hasMessageContaining("has a null");
        assertThatThrownBy(() -> transformer.categoryIndex("age", "3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is numeric");
    }

    @Test
    void nullableContinuousColumnRoundTrips() {
        double[] age = adult.numbers(adult.columnIndex("age"));
        for (int r = 0; r < age.length; r += 7) {
            age[r] = Double.NaN;
        }
        DataTable table = DataTable.builder().addNumeric("age", ColumnKind.CONTINUOUS, age)
                .addCategorical("sex", ColumnKind.DISCRETE, adult.categories(adult.columnIndex("sex"))).build();
        DataTransformer nullable = DataTransformer.fit(table, List.of("age", "sex"), TransformerSettings.defaults(),
                2);
        ContinuousTransformer ageTransformer = (ContinuousTransformer) nullable.transformer("age");
        int modes = ageTransformer.modeCount();

        assertThat(ageTransformer.nullable()).isTrue();
        assertThat(nullable.spans()).containsExactly(new OutputSpan(0, 1, Activation.TANH),
                new OutputSpan(1, modes, Activation.SOFTMAX), new OutputSpan(1 + modes, 2, Activation.SOFTMAX),
                new OutputSpan(3 + modes, 2, Activation.SOFTMAX));

        float[] encoded = nullable.transform(table, 5);
        int width = nullable.outputWidth();
        int heaviest = heaviestMode(ageTransformer);
        for (int r = 0; r < age.length; r++) {
            int row = r * width;
            if (Double.isNaN(age[r])) {
                assertThat(encoded[row]).isZero();
                assertThat(argmax(encoded, row + 1, modes)).isEqualTo(heaviest);
                assertThat(encoded[row + 1 + modes]).isZero();
                assertThat(encoded[row + 2 + modes]).isEqualTo(1f);
            } else {
                assertThat(encoded[row + 1 + modes]).isEqualTo(1f);
                assertThat(encoded[row + 2 + modes]).isZero();
            }
        }
        double[] decoded = nullable.inverse(encoded, age.length, 1).numbers(0);
        int close = 0;
        for (int r = 0; r < age.length; r++) {
            if (Double.isNaN(age[r])) {
                assertThat(decoded[r]).as("row %s", r).isNaN();
            } else {
                assertThat(decoded[r]).as("row %s", r).isNotNaN();
                close += Math.abs(decoded[r] - age[r]) <= 0.5 ? 1 : 0;
            }
        }
        assertThat(close).isGreaterThan((age.length - age.length / 7) * 99 / 100);
    }

    @Test
    void nullInAColumnTrainedWithoutNullsIsRejected() {
        double[] age = adult.numbers(adult.columnIndex("age"));
        age[3] = Double.NaN;
        DataTable table = DataTable.builder().addNumeric("age", ColumnKind.CONTINUOUS,
                Arrays.copyOf(age, 10)).build();

        assertThatThrownBy(() -> transformer.transformDeterministic(table.withColumnsOf(
                adult.selectRows(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}).selectColumns(
                        List.of("fnlwgt", "capital_gain", "workclass", "sex", "income")))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.column()).isEqualTo("age");
                    assertThat(e.row()).isEqualTo(3);
                })
                .hasMessageStartingWith("column 'age' row 3: null, but training saw no nulls");
    }

    @Test
    void outliersAreClippedTowardsTheirMode() {
        double[] values = BayesianGaussianMixtureTest.sample(1000, new double[] {1}, new double[] {0},
                new double[] {1}, 3);
        values[17] = 50.0;
        DataTable table = DataTable.builder().addNumeric("x", ColumnKind.CONTINUOUS, values).build();
        DataTransformer fitted = DataTransformer.fit(table, List.of("x"), TransformerSettings.defaults(), 1);
        ContinuousTransformer x = (ContinuousTransformer) fitted.transformer("x");

        float[] encoded = fitted.transformDeterministic(table);
        int width = fitted.outputWidth();
        assertThat(encoded[17 * width]).isEqualTo(0.99f);
        int mode = x.mixture().activeComponents()[argmax(encoded, 17 * width + 1, x.modeCount())];
        double restored = fitted.inverse(encoded, 1000, 1).number(0, 17);

        assertThat(restored).isCloseTo(0.99f * 4 * x.mixture().std(mode) + x.mixture().mean(mode), within(1e-9));
        assertThat(restored).isLessThan(50.0);
    }

    @Test
    void fitRejectsColumnsItCannotModel() {
        DataTable table = DataTable.builder()
                .addCategorical("id", ColumnKind.IDENTIFIER, new String[] {"a", "b"})
                .addNumeric("x", ColumnKind.CONTINUOUS, new double[] {1, 2})
                .addNumeric("empty", ColumnKind.CONTINUOUS, new double[] {Double.NaN, Double.NaN}).build();

        assertThatThrownBy(() -> DataTransformer.fit(table, List.of("x", "id"), TransformerSettings.defaults(), 1))
                .hasMessage("columns must have a modelled kind. Provided value: 'id' is IDENTIFIER, which the "
                        + "generator does not learn");
        assertThatThrownBy(() -> DataTransformer.fit(table, List.of("x", "x"), TransformerSettings.defaults(), 1))
                .hasMessage("columns must be distinct. Provided value: 'x' twice");
        assertThatThrownBy(() -> DataTransformer.fit(table, List.of("y"), TransformerSettings.defaults(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'y'");
        assertThatThrownBy(() -> DataTransformer.fit(table, List.of("empty"), TransformerSettings.defaults(), 1))
                .hasMessageContaining("column 'empty' has no value in training (all 2 rows are null)");
    }

    @Test
    void rareCategoriesShareABucketDecodedByFrequency() {
        DataTable table = AdultData.table().selectColumns(List.of("native_country", "sex"));
        DataTransformer defaults = DataTransformer.fit(table, List.of("native_country"),
                TransformerSettings.defaults(), 1);
        assertThat(defaults.discreteSpans().get(0).categories()).doesNotContain(DiscreteSpan.RARE);

        DataTransformer merged = DataTransformer.fit(table, List.of("native_country", "sex"),
                TransformerSettings.builder().rareCategoryMinCount(100).build(), 1);
        DiscreteTransformer country = (DiscreteTransformer) merged.transformer("native_country");
        DiscreteSpan span = merged.discreteSpans().get(0);
        int bucket = span.width() - 1;
        assertThat(span.isRareBucket(bucket)).isTrue();
        assertThat(country.rareMembers()).contains("Holand-Netherlands", "Scotland").doesNotContain("Mexico");
        assertThat(merged.categoryIndex("native_country", "Scotland")).isEqualTo(bucket);
        long bucketCount = 0;
        for (String member : country.rareMembers()) {
            bucketCount += countOf(table, "native_country", member);
        }
        assertThat(span.count(bucket)).isEqualTo(bucketCount);

        String[] original = table.categories(0);
        String[] decoded = merged.inverse(merged.transform(table, 1), table.rowCount(), 8).categories(0);
        for (int r = 0; r < original.length; r++) {
            if (country.rareMembers().contains(original[r])) {
                assertThat(country.rareMembers()).contains(decoded[r]);
            } else {
                assertThat(decoded[r]).isEqualTo(original[r]);
            }
        }

        // All-bucket rows: members come back in proportion to their training counts.
        int rows = 20_000;
        int width = merged.outputWidth();
        float[] activated = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            activated[r * width + bucket] = 1f;
            activated[r * width + span.width()] = 1f;
        }
        String[] drawn = merged.inverse(activated, rows, 3).categories(0);
        for (String member : country.rareMembers()) {
            double expected = (double) countOf(table, "native_country", member) / bucketCount;
            long hits = Arrays.stream(drawn).filter(member::equals).count();
            double tolerance = 4 * Math.sqrt(expected * (1 - expected) / rows) + 1e-4;
            assertThat((double) hits / rows).as(member).isCloseTo(expected, within(tolerance));
        }
    }

    @Test
    void jsonRoundTripGivesIdenticalOutputs() {
        double[] age = adult.numbers(adult.columnIndex("age"));
        for (int r = 0; r < age.length; r += 11) {
            age[r] = Double.NaN;
        }
        int[] rows = new int[3000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i * 10;
        }
        DataTable table = DataTable.builder().addNumeric("age", ColumnKind.CONTINUOUS, age)
                .build().withColumnsOf(AdultData.table().selectColumns(List.of("capital_gain", "native_country",
                        "workclass"))).selectRows(rows);
        DataTransformer original = DataTransformer.fit(table, table.columnNames(),
                TransformerSettings.builder().rareCategoryMinCount(5).maxFitRows(2000).build(), 4);

        String json = original.toJson();
        DataTransformer restored = DataTransformer.fromJson(json);

        assertThat(json).contains("\"formatVersion\" : 1");
        assertThat(restored.state()).isEqualTo(original.state());
        assertThat(restored.toJson()).isEqualTo(json);
        assertThat(restored.spans()).isEqualTo(original.spans());
        assertThat(restored.discreteSpans()).isEqualTo(original.discreteSpans());
        float[] encoded = original.transform(table, 6);
        assertThat(restored.transform(table, 6)).isEqualTo(encoded);
        assertThat(restored.transformDeterministic(table)).isEqualTo(original.transformDeterministic(table));
        DataTable a = original.inverse(encoded, table.rowCount(), 2);
        DataTable b = restored.inverse(encoded, table.rowCount(), 2);
        for (int c = 0; c < a.columnCount(); c++) {
            if (a.kind(c).isNumeric()) {
                assertThat(b.numbers(c)).containsExactly(a.numbers(c));
            } else {
                assertThat(b.categories(c)).containsExactly(a.categories(c));
            }
        }
    }

    private static int heaviestMode(ContinuousTransformer transformer) {
        int[] modes = transformer.mixture().activeComponents();
        int best = 0;
        for (int m = 1; m < modes.length; m++) {
            if (transformer.mixture().weight(modes[m]) > transformer.mixture().weight(modes[best])) {
                best = m;
            }
        }
        return best;
    }

    static int argmax(float[] values, int from, int width) {
        int best = 0;
        for (int i = 1; i < width; i++) {
            if (values[from + i] > values[from + best]) {
                best = i;
            }
        }
        return best;
    }

    private static long countOf(DataTable table, String column, String value) {
        return Arrays.stream(table.categories(table.columnIndex(column)))
                .filter(v -> Objects.equals(v, value)).count();
    }

    private static DataTable replaceCategorical(DataTable table, String column, String[] values) {
        DataTable.Builder builder = DataTable.builder();
        for (int c = 0; c < table.columnCount(); c++) {
            String name = table.columnNames().get(c);
            if (name.equals(column)) {
                builder.addCategorical(name, table.kind(c), values);
            } else if (table.kind(c).isNumeric()) {
                builder.addNumeric(name, table.kind(c), table.numbers(c));
            } else {
                builder.addCategorical(name, table.kind(c), table.categories(c));
            }
        }
        return builder.build();
    }
}
