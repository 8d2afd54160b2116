package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * A pruning criterion: how much each weight is worth keeping. One small class per criterion, as
 * in open_lth; a {@link Pruner} turns scores into a mask.
 */
@FunctionalInterface
public interface Criterion {

    /**
     * Scores the weights that {@code mask} covers; higher means keep. The net's weights already
     * have the mask applied.
     *
     * @return one tensor per name of the mask, shaped like the weight
     */
    Map<String, NDArray> scores(Net net, Mask mask);
}
