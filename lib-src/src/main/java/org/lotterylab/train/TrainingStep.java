package org.lotterylab.train;

/**
 * A step of a training run, as the hooks that run after it see it.
 *
 * @param iteration the step's number, from 0
 * @param perEpoch steps per epoch
 */
public record TrainingStep(int iteration, int perEpoch) {

    /** @return the epoch the step belongs to, from 0 */
    public int epoch() {
        return iteration / perEpoch;
    }

    /** @return whether the step is the last of its epoch */
    public boolean endsEpoch() {
        return (iteration + 1) % perEpoch == 0;
    }
}
