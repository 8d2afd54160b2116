package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The one check every density of this package passes, and the one count of weights it keeps. */
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

    /**
     * @param density a fraction of weights to keep
     * @return for {@link org.lotterylab.prune.Scope#top}: a group of layers keeps
     *     {@code round(density × its weights)}
     */
    static ToLongFunction<Map<String, NDArray>> kept(double density) {
        return group -> Math.round(density * group.values().stream().mapToLong(NDArray::size).sum());
    }
}
