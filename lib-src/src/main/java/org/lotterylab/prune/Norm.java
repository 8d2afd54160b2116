package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;

/** How {@link ChannelPruning} measures a filter: the L1 or L2 norm of its weights. */
public enum Norm {

    /** Sum of absolute values (Li et al. 2017). */
    L1 {
        @Override
        NDArray ofFilters(NDArray weight) {
            return weight.abs().reshape(weight.getShape().get(0), -1).sum(new int[] {1});
        }
    },

    /** Euclidean norm. */
    L2 {
        @Override
        NDArray ofFilters(NDArray weight) {
            return weight.square().reshape(weight.getShape().get(0), -1).sum(new int[] {1}).sqrt();
        }
    };

    /** Returns one norm per output filter (first axis) of a weight. */
    abstract NDArray ofFilters(NDArray weight);
}
