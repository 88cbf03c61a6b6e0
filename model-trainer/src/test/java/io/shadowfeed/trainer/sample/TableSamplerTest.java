package io.shadowfeed.trainer.sample;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.trainer.artifact.ArtifactStore;
import io.shadowfeed.trainer.artifact.ArtifactVersion;
import io.shadowfeed.trainer.artifact.ManifestColumn;
import io.shadowfeed.trainer.artifact.ManifestDraft;
import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.model.PyTorchEngine;
import io.shadowfeed.trainer.profile.Profiler;
import io.shadowfeed.trainer.profile.TableProfile;
import io.shadowfeed.trainer.train.CtganConfig;
import io.shadowfeed.trainer.train.CtganTrainer;
import io.shadowfeed.trainer.train.TrainingData;
import io.shadowfeed.trainer.train.TrainingResult;
import io.shadowfeed.trainer.transform.DataTransformer;
import io.shadowfeed.trainer.transform.TransformerSettings;
import io.shadowfeed.trainer.transform.UnknownCategoryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sampling from a small trained model: reproducible, conditions hold on every discrete column (the reference
 * implementation gets all but the first wrong), and a child model follows its parent's context.
 */
class TableSamplerTest {
    private static DataTransformer transformer;
    private static TrainingResult trained;
    private static TableSampler sampler;

    /** Shops: a region, a tier that depends on it, a payment kind, and an amount that depends on the tier. */
    static DataTable shops(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] region = new String[rows];
        String[] tier = new String[rows];
        String[] payment = new String[rows];
        double[] amount = new double[rows];
        for (int r = 0; r < rows; r++) {
            region[r] = random.nextDouble() < 0.6 ? "north" : "south";
            tier[r] = random.nextDouble() < (region[r].equals("north") ? 0.7 : 0.2) ? "gold" : "basic";
            payment[r] = new String[] {"card", "cash", "voucher"}[random.nextInt(3)];
            amount[r] = (tier[r].equals("gold") ? 200 : 40) + random.nextGaussian() * 10;
        }
        return DataTable.builder().addCategorical("region", ColumnKind.DISCRETE, region)
                .addCategorical("tier", ColumnKind.DISCRETE, tier)
                .addCategorical("payment", ColumnKind.DISCRETE, payment)
                .addNumeric("amount", ColumnKind.CONTINUOUS, amount).build();
    }

    static CtganConfig config(int epochs) {
        return CtganConfig.builder().setEpochs(epochs).setBatchSize(100).setNoiseWidth(16)
                .setGeneratorSizes(64, 64).setCriticSizes(64, 64).setThreads(1).setSeed(3).build();
    }

    @BeforeAll
    static void train() {
        DataTable data = shops(2000, 1);
        transformer = DataTransformer.fit(data, data.columnNames(), TransformerSettings.defaults(), 1);
        TrainingData training = TrainingData.of(transformer.transform(data, 1), data.rowCount(),
                transformer.outputWidth(), transformer.spans(), transformer.discreteSpans());
        trained = CtganTrainer.builder().setConfig(config(80)).build().train(training);
        Engine engine = PyTorchEngine.start(1);
        sampler = new TableSampler(engine, trained.networks(), false, transformer, null, 256);
    }

    @AfterAll
    static void close() {
        sampler.close();
        trained.close();
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOtherRows() {
        DataTable first = sampler.sample(700, 11);
        DataTable again = sampler.sample(700, 11);
        DataTable other = sampler.sample(700, 12);
        assertThat(first.rowCount()).isEqualTo(700);
        assertThat(again.numbers(3)).containsExactly(first.numbers(3));
        assertThat(again.categories(1)).containsExactly(first.categories(1));
        assertThat(other.numbers(3)).isNotEqualTo(first.numbers(3));
    }

    @Test
    void everyDiscreteColumnCanBeFixedAndEveryRowHoldsTheCondition() {
        for (Map<String, String> condition : List.of(Map.of("region", "south"), Map.of("tier", "gold"),
                Map.of("payment", "voucher"), Map.of("region", "south", "tier", "gold", "payment", "cash"))) {
            DataTable rows = sampler.sample(300, condition, 5);
            assertThat(rows.rowCount()).isEqualTo(300);
            condition.forEach((column, value) -> assertThat(rows.categories(rows.columnIndex(column)))
                    .as("column %s", column).containsOnly(value));
        }
    }

    @Test
    void conditioningOnOneColumnShiftsTheOthersAsInTheTrainingData() {
        DataTable gold = sampler.sample(500, Map.of("tier", "gold"), 8);
        DataTable basic = sampler.sample(500, Map.of("tier", "basic"), 8);
        assertThat(mean(gold.numbers(3))).isGreaterThan(mean(basic.numbers(3)) + 50);
    }

    @Test
    void badConditionsSayWhatIsWrong() {
        assertThatThrownBy(() -> sampler.sample(10, Map.of("tier", "platinum"), 1))
                .isInstanceOf(UnknownCategoryException.class).hasMessageContaining("tier");
        assertThatThrownBy(() -> sampler.sample(10, Map.of("amount", "3"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("continuous");
        assertThatThrownBy(() -> sampler.sample(10, Map.of("colour", "red"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'colour'");
    }

    @Test
    void aChildModelFollowsItsParentsContext() {
        DataTable data = shops(2000, 2);
        DataTable children = data.selectColumns(List.of("payment", "amount"));
        DataTable context = data.selectColumns(List.of("tier"));
        DataTransformer childTransformer = DataTransformer.fit(children, children.columnNames(),
                TransformerSettings.defaults(), 2);
        DataTransformer contextTransformer = DataTransformer.fit(context, context.columnNames(),
                TransformerSettings.defaults(), 2);
        TrainingData training = new TrainingData(childTransformer.transform(children, 2), data.rowCount(),
                childTransformer.outputWidth(), childTransformer.spans(), childTransformer.discreteSpans(),
                contextTransformer.transformDeterministic(context), contextTransformer.outputWidth());
        try (TrainingResult result = CtganTrainer.builder().setConfig(config(200)).build().train(training);
                TableSampler child = new TableSampler(PyTorchEngine.start(1), result.networks(), false,
                        childTransformer, contextTransformer, 256)) {
            String[] tiers = new String[400];
            for (int i = 0; i < tiers.length; i++) {
                tiers[i] = i < 200 ? "gold" : "basic";
            }
            DataTable parents = DataTable.builder().addCategorical("tier", ColumnKind.DISCRETE, tiers).build();
            DataTable generated = child.sampleForContext(parents, 4);
            assertThat(generated.rowCount()).isEqualTo(400);
            double[] amounts = generated.numbers(generated.columnIndex("amount"));
            double goldMean = mean(Arrays.copyOfRange(amounts, 0, 200));
            double basicMean = mean(Arrays.copyOfRange(amounts, 200, 400));
            // amounts are 200 (gold) and 40 (basic) in training (measured: 197 and 37); a model that ignored its
            // context would give equal means. The critic alone ties output to context, so this needs more epochs.
            assertThat(goldMean).isGreaterThan(basicMean + 100);
            assertThatThrownBy(() -> child.sample(10, 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("sampleForContext");
        }
    }

    @Test
    void aPublishedAndReloadedModelSamplesExactlyTheSameRows(@TempDir Path root) {
        DataTable data = shops(2000, 1);
        List<String[]> columns = new ArrayList<>();
        for (int c = 0; c < data.columnCount(); c++) {
            String[] cells = new String[data.rowCount()];
            for (int r = 0; r < cells.length; r++) {
                cells[r] = data.kind(c).isNumeric() ? Double.toString(data.number(c, r)) : data.category(c, r);
            }
            columns.add(cells);
        }
        TableProfile profile = Profiler.builder().build().profile(RawTable.of(data.columnNames(), columns));
        TableModel model = new TableModel("shops", trained.shape(), transformer, null, profile);
        ObjectMapper json = new ObjectMapper();
        ManifestDraft draft = ManifestDraft.builder().setTrainingDataFingerprint("test").setSchemaFingerprint("test")
                .setColumns(List.of(new ManifestColumn("region", ColumnKind.DISCRETE)))
                .setTransformer(json.createObjectNode()).setHyperParameters(json.createObjectNode()).setSeed(3)
                .setEpochsRun(80).setLossHistory(json.createObjectNode())
                .setGate(true, json.createObjectNode().put("passed", true)).build();
        ArtifactStore store = ArtifactStore.builder().setRoot(root).build();
        store.publish("shops", draft, model.files(trained.networks()));

        ArtifactVersion version = store.resolve("shops", "latest");
        TableModel reloaded = TableModel.read(version);
        try (TableSampler fromDisk = reloaded.openSampler(version, 1, 256)) {
            DataTable expected = sampler.sample(600, 21);
            DataTable actual = fromDisk.sample(600, 21);
            for (int c = 0; c < expected.columnCount(); c++) {
                if (expected.kind(c).isNumeric()) {
                    assertThat(actual.numbers(c)).containsExactly(expected.numbers(c));
                } else {
                    assertThat(actual.categories(c)).containsExactly(expected.categories(c));
                }
            }
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
