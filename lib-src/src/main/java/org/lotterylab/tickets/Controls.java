package org.lotterylab.tickets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import org.lotterylab.prune.Mask;

/**
 * The masks of the lottery-ticket sanity checks: if a ticket's mask can be shuffled within each
 * layer, or replaced by a random mask, without losing accuracy, the ticket's weights-and-positions
 * carried no information (Frankle et al. 2021, "Pruning neural networks at initialization: why
 * are we missing the mark?"). Random re-initialisation is {@link Ticket#reinitialized}.
 *
 * <p>Positions are drawn by a Java generator seeded by {@code seed}, so the same seed gives the
 * same mask on every device.
 */
public final class Controls {

    private Controls() {}

    /**
     * The layer-wise shuffle: every layer keeps exactly as many weights as in {@code mask}, at
     * positions permuted at random.
     *
     * @param mask the ticket's mask (left unchanged)
     * @param seed the seed of the permutations
     * @return the shuffled mask
     */
    public static Mask shuffledLayerwise(Mask mask, long seed) {
        return randomLayers(mask, mask::remaining, seed);
    }

    /**
     * A random mask of the given density: every layer keeps {@code round(density × size)} weights
     * at random positions (uniform density over layers, unlike the shuffle).
     *
     * @param like a mask of the net, for its layers and shapes
     * @param density the fraction of weights to keep, in [0, 1]
     * @param seed the seed of the positions
     * @return the random mask
     */
    public static Mask random(Mask like, double density, long seed) {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density must lie in [0, 1], got " + density);
        }
        return randomLayers(like, name -> Math.round(density * like.total(name)), seed);
    }

    private static Mask randomLayers(Mask like, ToLongFunction<String> keptIn, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (String name : like.names()) {
            NDArray template = like.get(name);
            tensors.put(name, randomLayer(template.getManager(), template.getShape(), keptIn.applyAsLong(name), random));
        }
        return Mask.of(tensors);
    }

    private static NDArray randomLayer(NDManager manager, Shape shape, long kept, SplittableRandom random) {
        float[] values = new float[Math.toIntExact(shape.size())];
        // A partial Fisher-Yates shuffle: the first `kept` slots end up as a uniform random subset.
        int[] positions = new int[values.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        for (int i = 0; i < kept; i++) {
            int j = i + random.nextInt(positions.length - i);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
            values[positions[i]] = 1;
        }
        return manager.create(values, shape);
    }
}
