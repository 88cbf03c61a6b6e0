package io.shadowfeed.trainer.train;

import io.shadowfeed.trainer.model.NamedParameter;
import io.shadowfeed.trainer.model.ParameterFile;
import io.shadowfeed.trainer.transform.Activation;
import io.shadowfeed.trainer.transform.DiscreteSpan;
import io.shadowfeed.trainer.transform.OutputSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CtganTrainerTest {

    /** 600 rows: a scalar with a 3-mode span, then discrete columns of 4 and 2 categories. */
    static TrainingData smallData() {
        List<OutputSpan> spans = List.of(new OutputSpan(0, 1, Activation.TANH),
                new OutputSpan(1, 3, Activation.SOFTMAX), new OutputSpan(4, 4, Activation.SOFTMAX),
                new OutputSpan(8, 2, Activation.SOFTMAX));
        List<DiscreteSpan> discrete = List.of(
                new DiscreteSpan("colour", 4, 4, List.of("red", "green", "blue", "grey"), new long[] {300, 200, 90, 10}),
                new DiscreteSpan("flag", 8, 2, List.of("true", "false"), new long[] {400, 200}));
        int rows = 600;
        float[] data = new float[rows * 10];
        SplittableRandom random = new SplittableRandom(9);
        for (int r = 0; r < rows; r++) {
            int base = r * 10;
            data[base] = (float) (random.nextDouble() - 0.5);
            data[base + 1 + random.nextInt(3)] = 1f;
            data[base + 4 + (r < 300 ? 0 : r < 500 ? 1 : r < 590 ? 2 : 3)] = 1f;
            data[base + 8 + (r % 3 == 2 ? 1 : 0)] = 1f;
        }
        return TrainingData.of(data, rows, 10, spans, discrete);
    }

    static CtganConfig.Builder smallConfig() {
        return CtganConfig.builder().setEpochs(3).setBatchSize(100).setNoiseWidth(8)
                .setGeneratorSizes(16, 16).setCriticSizes(16, 16).setThreads(1).setSeed(7);
    }

    private static byte[] weights(TrainingResult result) throws IOException {
        List<NamedParameter> all = new ArrayList<>(result.networks().generator().parameters());
        all.addAll(result.networks().critic().parameters());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ParameterFile.write(bytes, all);
        return bytes.toByteArray();
    }

    private static byte[] train(CtganConfig config, Path checkpoints, boolean resume) throws IOException {
        try (TrainingResult result = CtganTrainer.builder().setConfig(config).setCheckpointDirectory(checkpoints)
                .setResume(resume).build().train(smallData())) {
            return weights(result);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() throws IOException {
        byte[] first = train(smallConfig().build(), null, false);
        byte[] second = train(smallConfig().build(), null, false);
        byte[] otherSeed = train(smallConfig().setSeed(8).build(), null, false);
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void resumingFromACheckpointContinuesExactlyLikeAnUninterruptedRun(@TempDir Path dir) throws IOException {
        byte[] uninterrupted = train(smallConfig().setEpochs(4).build(), null, false);
        train(smallConfig().setEpochs(2).build(), dir, false);
        byte[] resumed = train(smallConfig().setEpochs(4).build(), dir, true);
        assertThat(resumed).isEqualTo(uninterrupted);
    }

    @Test
    void resumeRefusesAnotherConfiguration(@TempDir Path dir) throws IOException {
        train(smallConfig().setEpochs(1).build(), dir, false);
        assertThatThrownBy(() -> train(smallConfig().setEpochs(2).setBatchSize(200).build(), dir, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--resume");
    }

    /**
     * DJL frees the scalar array behind {@code div(Number)} right after the call; autograd still needs it in the
     * backward pass. Garbage collections during training used to turn the losses into NaN.
     */
    @Test
    void garbageCollectionsDuringTrainingLeaveTheLossesFiniteAndTheRunReproducible() throws Exception {
        byte[] quiet = train(smallConfig().setEpochs(4).build(), null, false);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread collector = new Thread(() -> {
            while (running.get()) {
                System.gc();
            }
        });
        collector.setDaemon(true);
        collector.start();
        try {
            byte[] underGc = train(smallConfig().setEpochs(4).build(), null, false);
            assertThat(underGc).isEqualTo(quiet);
        } finally {
            running.set(false);
            collector.join();
        }
    }

    @Test
    void lossHistoryHasOneEntryPerEpochAndNativeArraysStayFlat() {
        List<Integer> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                epochs.add(report.epoch());
            }
        };
        try (TrainingResult result = CtganTrainer.builder().setConfig(smallConfig().setEpochs(6).build())
                .setListener(listener).build().train(smallData())) {
            assertThat(epochs).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(result.lossHistory().epochs()).isEqualTo(6);
            assertThat(result.lossHistory().critic()).allMatch(Double::isFinite);
            // Parameters + BatchNorm buffers + two Adam moments per trainable array, and nothing else: every
            // step's arrays were released with its scratch manager.
            int generator = result.networks().generator().parameters().size();
            int generatorTrainable = (int) result.networks().generator().parameters().stream()
                    .filter(NamedParameter::trainable).count();
            int critic = result.networks().critic().parameters().size();
            int expected = generator + critic + 2 * (generatorTrainable + critic) + 0;
            assertThat(result.networks().manager().getManagedArrays()).hasSize(expected);
        }
    }
}
