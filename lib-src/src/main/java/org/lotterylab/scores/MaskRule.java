package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * How real-valued scores become a 0/1 mask: first each score is turned into an importance (inside
 * the autograd graph, so that the straight-through gradient passes through it), then the
 * importances decide which weights are kept.
 *
 * <p>One small record per rule: {@link Threshold} (GEM-MINER), {@link LayerTopK} (edge-popup),
 * {@link GlobalTopK} (BiP, Hydra) and {@link FilterTopK} (structured BiP).
 */
public interface MaskRule {

    /**
     * The importance of each score; the rule keeps the most important weights. The default is
     * |s|, so that a score initialised from a weight ranks like the weight's magnitude.
     *
     * @param scores one layer's scores
     * @return the importances, computed with differentiable operations
     */
    default NDArray importance(NDArray scores) {
        return scores.abs();
    }

    /**
     * Decides which weights are kept.
     *
     * @param importance the importance of every score, by the name of the weight it gates, in forward order
     * @return float 0/1 tensors shaped like the importances, without gradient
     */
    Map<String, NDArray> keep(Map<String, NDArray> importance);
}
