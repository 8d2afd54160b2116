package org.lotterylab.cost;

/**
 * What a method spent: forward+backward passes over minibatches, and wall-clock seconds. Passes
 * compare methods exactly (they do not depend on the machine or its load); seconds are what a
 * researcher waits.
 *
 * @param passes minibatch forward+backward passes
 * @param seconds wall-clock seconds
 */
public record Cost(long passes, double seconds) {

    /** Nothing spent. */
    public static final Cost ZERO = new Cost(0, 0);

    /** Validates the figures. */
    public Cost {
        if (passes < 0 || !(seconds >= 0)) {
            throw new IllegalArgumentException("a cost needs passes ≥ 0 and seconds ≥ 0, got " + passes + " and " + seconds);
        }
    }

    /**
     * @param other another cost
     * @return the two together
     */
    public Cost plus(Cost other) {
        return new Cost(passes + other.passes, seconds + other.seconds);
    }

    /**
     * @param passesPerEpoch minibatches in one epoch
     * @return the passes as epochs of training
     */
    public double epochs(long passesPerEpoch) {
        return (double) passes / passesPerEpoch;
    }
}
