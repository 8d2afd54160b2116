package org.lotterylab.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/**
 * Random unit vectors drawn by a Java generator, so that the same seed gives the same vector on
 * every device and drawing one does not disturb the engine's random state.
 */
final class RandomDirection {

    private RandomDirection() {}

    /**
     * @param d the dimension
     * @param seed the seed
     * @param manager where the vector is created
     * @return a float64 vector uniform on the unit sphere of R^d (a normalised Gaussian)
     */
    static NDArray unit(long d, long seed, NDManager manager) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[Math.toIntExact(d)];
        double norm = 0;
        for (int i = 0; i < values.length; i++) {
            // Box-Muller.
            values[i] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            norm += values[i] * values[i];
        }
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return manager.create(values);
    }
}
