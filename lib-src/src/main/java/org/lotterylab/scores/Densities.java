package org.lotterylab.scores;

/** The one check every density of this package passes. */
final class Densities {

    private Densities() {}

    /**
     * @param density a fraction of weights to keep
     * @throws IllegalArgumentException unless it lies in (0, 1]
     */
    static void require(double density) {
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("density must lie in (0, 1], got " + density
                    + " (0.05 keeps 5% of the weights)");
        }
    }
}
