package org.lotterylab.train;

/**
 * Runs after every update, before the next step: re-applying a mask (built into
 * {@link Training#masked}), clamping scores, GEM-MINER's freezing at the end of an epoch. Hooks
 * run in the order they were added.
 *
 * <pre>{@code
 * Training.with(config).afterStep(step -> scored.updateScores(s -> s.clip(0, 1)));
 * }</pre>
 */
@FunctionalInterface
public interface AfterStep {

    /** @param step the step just taken */
    void afterStep(TrainingStep step);
}
