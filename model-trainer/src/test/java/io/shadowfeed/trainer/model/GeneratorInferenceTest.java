package io.shadowfeed.trainer.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** In inference mode a generated row depends on its own input only, never on the rest of the batch. */
class GeneratorInferenceTest {

    @Test
    void inferenceUsesRunningStatisticsAndTrainingUsesTheBatch() {
        PyTorchEngine.start(1);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Generator generator = new Generator(manager, 6, new int[] {8, 8}, 5, new SplittableRandom(1));
            NDArray batch = manager.randomNormal(new Shape(32, 6));
            // move the running statistics away from their initial values
            for (int i = 0; i < 5; i++) {
                generator.forward(manager.randomNormal(2f, 3f, new Shape(64, 6), DataType.FLOAT32),
                        true);
            }
            float[] whole = generator.forward(batch, false).toFloatArray();
            float[] firstAlone = generator.forward(batch.get(new NDIndex("0:1")), false).toFloatArray();
            float[] firstWithOthers = new float[5];
            System.arraycopy(whole, 0, firstWithOthers, 0, 5);
            assertThat(firstAlone).containsExactly(firstWithOthers, offset(1e-5f));

            // BatchNorm folded into the Linear layers computes the same function
            try (InferenceGenerator folded = generator.foldedForInference(manager)) {
                assertThat(folded.forward(batch).toFloatArray()).containsExactly(whole, offset(1e-4f));
            }

            float[] trainingWhole = generator.forward(batch, true).toFloatArray();
            float[] trainingHalf = generator.forward(batch.get(new NDIndex("0:16")), true).toFloatArray();
            float[] firstRowWhole = new float[5];
            float[] firstRowHalf = new float[5];
            System.arraycopy(trainingWhole, 0, firstRowWhole, 0, 5);
            System.arraycopy(trainingHalf, 0, firstRowHalf, 0, 5);
            assertThat(firstRowHalf).isNotEqualTo(firstRowWhole);
        }
    }
}
