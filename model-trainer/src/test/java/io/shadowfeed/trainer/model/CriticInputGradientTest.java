package io.shadowfeed.trainer.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The critic's closed-form input gradient (used by the gradient penalty instead of a double backward) equals
 * autograd's gradient of the scores with respect to the input, for the same pass (same dropout masks).
 */
class CriticInputGradientTest {

    @Test
    void closedFormInputGradientEqualsAutograd() {
        Engine engine = PyTorchEngine.start(1);
        engine.setRandomSeed(11);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Critic critic = new Critic(manager, 5, 4, new int[] {16, 8}, 0.5f, new SplittableRandom(3));
            float[] values = new float[40 * 5];
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            NDArray rows = manager.create(values, new Shape(40, 5));
            rows.setRequiresGradient(true);
            NDArray closedForm;
            try (GradientCollector collector = engine.newGradientCollector()) {
                Critic.Pass pass = critic.forward(rows);
                closedForm = critic.inputGradient(pass).stopGradient();
                collector.backward(pass.scores().sum());
            }
            // autograd's gradient is per row; the closed form is per packed group of pac rows
            float[] autograd = rows.getGradient().reshape(10, 20).toFloatArray();
            float[] mine = closedForm.toFloatArray();
            assertThat(mine).hasSize(autograd.length);
            double largest = 0;
            for (int i = 0; i < mine.length; i++) {
                largest = Math.max(largest, Math.abs(mine[i] - autograd[i]));
            }
            assertThat(largest).isLessThan(1e-6);
            // another pass draws other dropout masks and so another gradient: the pass's own masks mattered
            float[] otherPass = critic.inputGradient(critic.forward(rows.stopGradient())).toFloatArray();
            assertThat(otherPass).isNotEqualTo(mine);
        }
    }
}
