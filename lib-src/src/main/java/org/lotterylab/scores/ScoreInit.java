package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * How scores start. The random ones come from a Java generator fixed by a seed, so the same seed
 * gives the same scores on every device and drawing them does not disturb the engine's generator.
 */
public enum ScoreInit {

    /** U(0, 1): GEM-MINER, whose threshold 0.5 then keeps about half of the weights at first. */
    UNIFORM {
        @Override
        NDArray create(NDArray weight, SplittableRandom random) {
            return random(weight, random, 0, 1);
        }
    },

    /**
     * U(−b, b) with b = 1/√fan_in, PyTorch's Kaiming-uniform default of edge-popup's scores; only
     * the order within a layer matters to a per-layer top-k.
     */
    KAIMING_UNIFORM {
        @Override
        NDArray create(NDArray weight, SplittableRandom random) {
            double bound = 1 / Math.sqrt(fanIn(weight));
            return random(weight, random, -bound, bound);
        }
    },

    /**
     * A copy of the weights (never the same storage, or a score step would move the weights too):
     * BiP's start, whose first top-k mask is then the one-shot magnitude mask.
     */
    WEIGHTS {
        @Override
        NDArray create(NDArray weight, SplittableRandom random) {
            return weight.duplicate();
        }
    };

    /**
     * @param weight the weight the scores gate, for its shape, device and fan-in
     * @param random the generator, shared by all layers in forward order
     * @return new scores shaped like the weight, on its manager
     */
    abstract NDArray create(NDArray weight, SplittableRandom random);

    /** @return the number of inputs of one output unit: all axes but the first */
    static long fanIn(NDArray weight) {
        return weight.size() / weight.getShape().get(0);
    }

    private static NDArray random(NDArray weight, SplittableRandom random, double low, double high) {
        float[] values = new float[Math.toIntExact(weight.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(low, high);
        }
        return weight.getManager().create(values, weight.getShape());
    }
}
