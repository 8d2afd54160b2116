package org.lotterylab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class NesterovSgdTest {

    @Test
    void matchesPyTorchsNesterovUpdate() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {1f});
            var optimizer = new NesterovSgd(Tracker.fixed(0.1f), 0.9f, 0, 0);
            // v = 1, w = 1 − 0.1·(1 + 0.9·1) = 0.81; then v = 1.9, w = 0.81 − 0.1·(1 + 0.9·1.9) = 0.539
            optimizer.update("w", weight, manager.create(new float[] {1f}));
            assertEquals(0.81f, weight.getFloat(0), 1e-6);
            optimizer.update("w", weight, manager.create(new float[] {1f}));
            assertEquals(0.539f, weight.getFloat(0), 1e-6);
        }
    }
}
