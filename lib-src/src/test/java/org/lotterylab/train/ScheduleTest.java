package org.lotterylab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void stepDropsByGammaAtEachMilestone() {
        Tracker tracker = Schedule.step(0.1, 2, 4).tracker(1f, 10, 60);
        assertEquals(1f, tracker.getNewValue(19), 1e-6);
        assertEquals(0.1f, tracker.getNewValue(25), 1e-6);
        assertEquals(0.01f, tracker.getNewValue(45), 1e-6);
    }

    @Test
    void aSingleMilestoneDropsOnce() {
        Tracker tracker = Schedule.step(0.5, 3).withWarmup(1).tracker(1f, 10, 60);
        assertEquals(1f, tracker.getNewValue(29), 1e-6);
        assertEquals(0.5f, tracker.getNewValue(30), 1e-6);
        assertEquals(0.5f, tracker.getNewValue(59), 1e-6);
    }

    @Test
    void cosineFallsToZero() {
        Tracker tracker = Schedule.cosine().tracker(1f, 10, 100);
        assertEquals(1f, tracker.getNewValue(0), 1e-6);
        assertEquals(0.5f, tracker.getNewValue(50), 1e-3);
        assertEquals(0f, tracker.getNewValue(100), 1e-6);
    }

    @Test
    void warmupRisesLinearlyThenHandsOver() {
        Tracker tracker = Schedule.constant().withWarmup(1).tracker(1f, 10, 100);
        assertEquals(0f, tracker.getNewValue(0), 1e-6);
        assertEquals(0.5f, tracker.getNewValue(5), 1e-6);
        assertEquals(1f, tracker.getNewValue(50), 1e-6);
    }

    @Test
    void badScheduleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.step(0.1, 4, 2));
        assertThrows(IllegalArgumentException.class, () -> Schedule.step(2, 4));
        assertThrows(IllegalArgumentException.class, () -> Schedule.step(0.1, 1).withWarmup(1));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withEpochs(0));
    }
}
