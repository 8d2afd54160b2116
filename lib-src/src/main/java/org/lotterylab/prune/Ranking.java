package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The library's one top-k selection: picks the highest scores exactly, so that a mask keeps
 * exactly as many weights as asked even among equal scores. Every "keep the k best" goes through
 * here: the pruner's scopes ({@link Scope#top}), the score-gated rules of
 * {@code org.lotterylab.scores}, filter pruning and N:M sparsity.
 *
 * <p>Ties are broken by position, the earlier position winning (over several tensors, by their
 * order and then by position in each), so that masks are reproducible and do not depend on how a
 * sort orders equal values. This file is the only place that rule lives: to change it, change it
 * here.
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
        // The tie rule: the first `missing` tied entries, by position, are kept.
        NDArray tieRank = tied.toType(DataType.INT64, false).cumSum();
        return above.logicalOr(tied.logicalAnd(tieRank.lte(missing))).toType(DataType.FLOAT32, false);
    }

    /**
     * Marks the {@code k} highest scores over several tensors ranked as one: {@link #top(NDArray, long)}
     * on their flattened values laid end to end in the map's order.
     *
     * @param scores tensors of any shapes, by name
     * @param k how many entries to keep over all of them
     * @return float 0/1 tensors shaped like the scores, in their order
     * @throws IllegalArgumentException if a score is NaN
     */
    public static Map<String, NDArray> top(Map<String, NDArray> scores, long k) {
        NDList flat = new NDList();
        scores.values().forEach(s -> flat.add(s.flatten()));
        NDArray kept = top(NDArrays.concat(flat), k);
        Map<String, NDArray> result = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, NDArray> e : scores.entrySet()) {
            long size = e.getValue().size();
            result.put(e.getKey(), kept.get(offset + ":" + (offset + size)).reshape(e.getValue().getShape()));
            offset += size;
        }
        return result;
    }

    /**
     * Marks the {@code n} highest entries of every group along the last axis (N:M sparsity's
     * selection, for all groups at once); among equal entries the earlier positions win, as in
     * {@link #top(NDArray, long)}.
     *
     * @param groups scores whose last axis holds one group
     * @param n how many entries each group keeps
     * @return a float 0/1 tensor shaped like {@code groups}
     */
    public static NDArray topOfEachGroup(NDArray groups, int n) {
        NDManager manager = groups.getManager();
        long m = groups.getShape().get(groups.getShape().dimension() - 1);
        NDArray mine = groups.expandDims(-1);
        NDArray others = groups.expandDims(-2);
        // rank[i] = how many in the group beat entry i: larger, or equal and earlier (the tie rule).
        NDArray position = manager.arange(Math.toIntExact(m));
        NDArray earlier = position.reshape(1, m).lt(position.reshape(m, 1));
        NDArray beats = others.gt(mine).logicalOr(others.eq(mine).logicalAnd(earlier));
        NDArray rank = beats.toType(DataType.INT32, false).sum(new int[] {-1});
        return rank.lt(n).toType(DataType.FLOAT32, false);
    }
}
