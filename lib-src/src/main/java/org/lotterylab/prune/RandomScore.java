package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.lotterylab.nn.Net;

/**
 * Random pruning, the baseline every criterion must beat: uniform random scores.
 *
 * <p>The scores come from a Java generator seeded by {@code seed}, not from the engine, so the
 * same seed gives the same mask on every device and pruning does not disturb the engine's
 * random state.
 *
 * @param seed the seed of the scores
 */
public record RandomScore(long seed) implements Criterion {

    @Override
    public Map<String, NDArray> scores(Net net, Mask mask) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, NDArray> scores = new LinkedHashMap<>();
        for (String name : mask.names()) {
            NDArray weight = net.parameter(name).getArray();
            float[] values = new float[Math.toIntExact(weight.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextDouble();
            }
            scores.put(name, weight.getManager().create(values, weight.getShape()));
        }
        return scores;
    }
}
