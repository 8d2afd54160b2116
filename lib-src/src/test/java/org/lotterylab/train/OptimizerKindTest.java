package org.lotterylab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class OptimizerKindTest {

    /** The rate of update t is 0.1·t, so a step's size shows where the schedule stands. */
    private static final Tracker RISING = numUpdate -> 0.1f * numUpdate;

    /**
     * A fresh Adam's first step is rate · m̂ / (√v̂ + ε) with m̂ = g and v̂ = g²: a full step of the
     * rate, whatever g. Float32 arithmetic on values near 1 keeps it within a few ulps (≈ 1e-7).
     */
    private static float afterOneStep(OptimizerKind kind, int beginIteration) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {1f});
            Optimizer optimizer = kind.create(RISING, 0.9f, 0, beginIteration);
            optimizer.update("w", weight, manager.create(new float[] {2f}));
            return weight.getFloat(0);
        }
    }

    @Test
    void adamResumedAtKTakesAFullFirstStepAtTheScheduleOfK() {
        // Resumed at k = 8: update 9 of the schedule (rate 0.9), with bias correction counted from the
        // optimizer's own first step. Counting it from k would shrink the step to about 0.49 · 0.9.
        assertEquals(1 - 0.9f, afterOneStep(OptimizerKind.ADAM, 8), 1e-6);
        assertEquals(1 - 0.9f, afterOneStep(OptimizerKind.ADAMW, 8), 1e-6);
        assertEquals(1 - 0.1f, afterOneStep(OptimizerKind.ADAM, 0), 1e-6);
    }

    @Test
    void sgdResumedAtKUsesTheScheduleOfK() {
        // Plain SGD: w − rate(9) · g = 1 − 0.9 · 2.
        assertEquals(1 - 0.9f * 2, afterOneStep(OptimizerKind.SGD, 8), 1e-6);
    }
}
