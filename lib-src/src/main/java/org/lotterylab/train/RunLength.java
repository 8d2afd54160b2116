package org.lotterylab.train;

import ai.djl.training.tracker.Tracker;

/**
 * How many updates a run makes: per epoch, in all, and before its first step (a run rewound to
 * iteration k starts after k). An update that takes only some of the steps (one side of an
 * alternation) counts only its own: its learning-rate schedule runs over its own updates.
 *
 * @param perEpoch updates per epoch, ≥ 1
 * @param total updates in the whole run
 * @param start updates made before the run's first step
 */
public record RunLength(int perEpoch, int total, int start) {

    /** Validates the counts. */
    public RunLength {
        if (perEpoch < 1 || total < 0 || start < 0) {
            throw new IllegalArgumentException("need perEpoch ≥ 1, total ≥ 0 and start ≥ 0, got " + perEpoch + ", "
                    + total + ", " + start);
        }
    }

    /**
     * @param config the learning rate and schedule
     * @return the schedule's rate at each of these updates, as DJL's optimizers ask for it
     */
    public Tracker tracker(TrainingConfig config) {
        return config.schedule().tracker((float) config.learningRate(), perEpoch, total);
    }

    /**
     * The share of an update that takes every {@code period}-th step, from step {@code offset}.
     *
     * @param period the steps between two of its updates, ≥ 1
     * @param offset the first step it takes, in [0, period)
     * @return its own counts (at least one update per epoch, so that epoch-based schedules stay defined)
     */
    public RunLength every(int period, int offset) {
        if (period < 1 || offset < 0 || offset >= period) {
            throw new IllegalArgumentException("need period ≥ 1 and 0 ≤ offset < period, got " + period + " and " + offset);
        }
        return new RunLength(Math.max(1, taken(perEpoch, period, offset)), taken(total, period, offset),
                taken(start, period, offset));
    }

    /** The number of steps i in [0, steps) with i mod period = offset. */
    private static int taken(int steps, int period, int offset) {
        return Math.max(0, (steps - offset + period - 1) / period);
    }
}
