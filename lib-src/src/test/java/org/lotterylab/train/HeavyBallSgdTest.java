package org.lotterylab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class HeavyBallSgdTest {

    private static final int STEPS = 5;

    /** The weights after {@link #STEPS} updates with the same gradients, from the same start. */
    private static float[] trained(Optimizer optimizer, NDManager manager) {
        manager.getEngine().setRandomSeed(3);
        NDArray weight = manager.randomNormal(new Shape(1000));
        for (int step = 0; step < STEPS; step++) {
            optimizer.update("w", weight, manager.randomNormal(new Shape(1000)));
        }
        return weight.toFloatArray();
    }

    @Test
    void computesWhatDjlsSgdComputesBitForBitWithoutDecay() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (float momentum : new float[] {0f, 0.9f}) {
                Optimizer djl = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).optMomentum(momentum)
                        .optWeightDecays(0).build();
                assertArrayEquals(trained(djl, manager), trained(new HeavyBallSgd(Tracker.fixed(0.1f), momentum, 0, 0),
                        manager), "momentum " + momentum);
            }
        }
    }

    @Test
    void computesWhatDjlsSgdComputesWithDecayUpToRounding() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Optimizer djl = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).optMomentum(0.9f)
                    .optWeightDecays(0.01f).build();
            float[] expected = trained(djl, manager);
            float[] actual = trained(new HeavyBallSgd(Tracker.fixed(0.1f), 0.9f, 0.01f, 0), manager);
            // DJL adds the decay with one fused multiply-add where this adds a separate product: at
            // most one rounding (2^-24 relative) more per step on terms no larger than |w| + |g|,
            // carried through the velocity (momentum < 1 keeps the sum of the steps' errors below STEPS of them).
            for (int i = 0; i < expected.length; i++) {
                double scale = Math.abs(expected[i]) + 10;
                assertEquals(expected[i], actual[i], 2 * STEPS * scale * Math.ulp(1f), "element " + i);
            }
        }
    }

    @Test
    void updatesTheWeightInPlace() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {1f, 2f});
            NDArray gradient = manager.create(new float[] {3f, -4f});
            new HeavyBallSgd(Tracker.fixed(0.5f), 0.9f, 0, 0).update("w", weight, gradient);
            assertArrayEquals(new float[] {-0.5f, 4f}, weight.toFloatArray());
        }
    }
}
