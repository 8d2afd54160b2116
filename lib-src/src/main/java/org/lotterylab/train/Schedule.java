package org.lotterylab.train;

import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.List;

/**
 * A learning-rate schedule, in epochs: constant, step (multiply by {@code gamma} at each
 * milestone) or cosine (to zero at the end of training), optionally after a linear warm-up.
 * Turned into a DJL {@link Tracker} once the number of iterations per epoch is known.
 *
 * <pre>{@code
 * Schedule.step(0.1, 80, 120).withWarmup(1)
 * }</pre>
 *
 * @param kind the shape of the schedule
 * @param milestones for {@link Kind#STEP}: the epochs after which the rate is multiplied by gamma, increasing
 * @param gamma for {@link Kind#STEP}: the factor applied at each milestone
 * @param warmupEpochs epochs of linear warm-up from 0 before the schedule starts (0 = none)
 */
public record Schedule(Kind kind, List<Integer> milestones, double gamma, int warmupEpochs) {

    /** The shapes of schedule. */
    public enum Kind {
        /** The same rate throughout. */
        CONSTANT,
        /** Piecewise constant, multiplied by gamma at each milestone. */
        STEP,
        /** Half a cosine wave from the base rate down to zero over the whole run. */
        COSINE
    }

    /** Validates the schedule. */
    public Schedule {
        milestones = List.copyOf(milestones);
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warmupEpochs must be ≥ 0, got " + warmupEpochs);
        }
        if (kind == Kind.STEP && (milestones.isEmpty() || !(gamma > 0 && gamma < 1))) {
            throw new IllegalArgumentException("a step schedule needs milestones and 0 < gamma < 1, got "
                    + milestones + " and " + gamma + "; e.g. Schedule.step(0.1, 80, 120)");
        }
        for (int i = 0; i < milestones.size(); i++) {
            if (milestones.get(i) <= warmupEpochs || i > 0 && milestones.get(i) <= milestones.get(i - 1)) {
                throw new IllegalArgumentException("milestones must be increasing epochs after the "
                        + warmupEpochs + " warm-up epochs, got " + milestones);
            }
        }
    }

    /** @return the same rate throughout */
    public static Schedule constant() {
        return new Schedule(Kind.CONSTANT, List.of(), 1, 0);
    }

    /**
     * @param gamma the factor applied at each milestone, e.g. 0.1
     * @param milestoneEpochs the epochs after which the rate drops, increasing
     * @return a step schedule
     */
    public static Schedule step(double gamma, int... milestoneEpochs) {
        return new Schedule(Kind.STEP, Arrays.stream(milestoneEpochs).boxed().toList(), gamma, 0);
    }

    /** @return a cosine decay to zero over the whole run */
    public static Schedule cosine() {
        return new Schedule(Kind.COSINE, List.of(), 1, 0);
    }

    /**
     * @param epochs epochs of linear warm-up from 0 to the base rate
     * @return this schedule, preceded by the warm-up
     */
    public Schedule withWarmup(int epochs) {
        return new Schedule(kind, milestones, gamma, epochs);
    }

    /**
     * @param baseRate the learning rate the schedule scales
     * @param iterationsPerEpoch batches per epoch
     * @param totalIterations the length of the whole run, warm-up included
     * @return the DJL tracker giving the rate at each update
     */
    public Tracker tracker(float baseRate, int iterationsPerEpoch, int totalIterations) {
        int warmup = warmupEpochs * iterationsPerEpoch;
        Tracker main = switch (kind) {
            case CONSTANT -> Tracker.fixed(baseRate);
            case STEP -> stepTracker(baseRate, milestones.stream()
                    .mapToInt(epoch -> epoch * iterationsPerEpoch - warmup).toArray());
            case COSINE -> Tracker.cosine().setBaseValue(baseRate).optFinalValue(0)
                    .setMaxUpdates(Math.max(1, totalIterations - warmup)).build();
        };
        // DJL's warm-up tracker runs the main schedule shifted by the warm-up, hence "- warmup" above.
        return warmup == 0 ? main : Tracker.warmUp().setMainTracker(main).optWarmUpSteps(warmup).build();
    }

    /**
     * The base rate times gamma for each drop already passed. Written here because DJL's
     * multi-factor tracker refuses a single milestone, the common "drop once" schedule.
     */
    private Tracker stepTracker(float baseRate, int[] drops) {
        return update -> {
            long passed = Arrays.stream(drops).filter(drop -> update >= drop).count();
            return (float) (baseRate * Math.pow(gamma, passed));
        };
    }
}
