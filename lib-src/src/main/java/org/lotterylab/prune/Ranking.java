package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * Picks the highest scores exactly, with ties broken by position so that masks are reproducible.
 * Public for the methods that learn masks through scores (they need exactly k ones too).
 */
public final class Ranking {

    private Ranking() {}

    /**
     * Returns a float 0/1 vector marking the {@code k} highest entries of the 1-D {@code scores};
     * among equal scores at the threshold the earlier positions win.
     *
     * @throws IllegalArgumentException if a score is NaN
     */
    public static NDArray top(NDArray scores, long k) {
        if (scores.isNaN().any().getBoolean()) {
            throw new IllegalArgumentException("A pruning criterion produced NaN scores; check the weights and data");
        }
        long n = scores.size();
        if (k >= n) {
            return scores.onesLike();
        }
        if (k <= 0) {
            return scores.zerosLike();
        }
        // Sorted values do not depend on how the sort orders ties, so the threshold is reproducible.
        NDArray threshold = scores.sort().get(new NDIndex(n - k));
        NDArray above = scores.gt(threshold);
        long missing = k - above.countNonzero().getLong();
        NDArray tied = scores.eq(threshold);
        NDArray tieRank = tied.toType(DataType.INT64, false).cumSum();
        return above.logicalOr(tied.logicalAnd(tieRank.lte(missing))).toType(DataType.FLOAT32, false);
    }
}
