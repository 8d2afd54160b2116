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
 * <p>By default ties are broken by position, the earlier position winning (over several tensors,
 * by their order and then by position in each), so that masks are reproducible and do not depend
 * on how a sort orders equal values; {@link Ties#random} draws the tied entries kept for a seed
 * instead, for scores that tie in bulk. The rules live in {@link Ties} ({@link #topOfEachGroup},
 * N:M sparsity's selection, keeps the positional one), and {@link #ties} counts how much a
 * selection left to them.
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
        return top(scores, k, Ties.BY_POSITION);
    }

    /**
     * Returns a float 0/1 vector marking the {@code k} highest entries of the 1-D {@code scores};
     * among equal scores at the threshold, {@code ties} chooses.
     *
     * @throws IllegalArgumentException if a score is NaN
     */
    public static NDArray top(NDArray scores, long k, Ties ties) {
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
        NDArray threshold = threshold(scores, k);
        NDArray above = scores.gt(threshold);
        long missing = k - above.countNonzero().getLong();
        NDArray tied = scores.eq(threshold);
        if (tied.countNonzero().getLong() == missing) {
            return above.logicalOr(tied).toType(DataType.FLOAT32, false);
        }
        return above.logicalOr(ties.choose(tied, missing)).toType(DataType.FLOAT32, false);
    }

    /** The k-th highest score: sorted values do not depend on how the sort orders ties, so it is reproducible. */
    private static NDArray threshold(NDArray scores, long k) {
        return scores.sort().get(new NDIndex(scores.size() - k));
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
        return top(scores, k, Ties.BY_POSITION);
    }

    /**
     * Marks the {@code k} highest scores over several tensors ranked as one, {@code ties} choosing
     * among equal scores at the threshold.
     *
     * @param scores tensors of any shapes, by name
     * @param k how many entries to keep over all of them
     * @param ties how tied entries at the threshold are chosen
     * @return float 0/1 tensors shaped like the scores, in their order
     * @throws IllegalArgumentException if a score is NaN
     */
    public static Map<String, NDArray> top(Map<String, NDArray> scores, long k, Ties ties) {
        return unflatten(top(flat(scores), k, ties), scores);
    }

    /**
     * Counts the entries that tie at the threshold of a top-k over several tensors, and how each
     * tie rule distributes the kept ones among the tensors.
     *
     * @param scores tensors of any shapes, by name, ranked as one
     * @param k how many entries are kept over all of them
     * @param ties the rule the selection uses
     * @return the tie counts, overall and per tensor
     */
    public static TieCount ties(Map<String, NDArray> scores, long k, Ties ties) {
        NDArray all = flat(scores);
        if (k <= 0 || k >= all.size()) {
            return TieCount.none();
        }
        Map<String, Long> tiedPerLayer = new LinkedHashMap<>();
        Map<String, Long> keptPerLayer = new LinkedHashMap<>();
        Map<String, Long> byPositionPerLayer = new LinkedHashMap<>();
        NDArray threshold = threshold(all, k);
        Map<String, NDArray> tied = unflatten(all.eq(threshold), scores);
        Map<String, NDArray> kept = top(scores, k, ties);
        Map<String, NDArray> byPosition = top(scores, k, Ties.BY_POSITION);
        tied.forEach((name, t) -> {
            tiedPerLayer.put(name, t.countNonzero().getLong());
            keptPerLayer.put(name, t.logicalAnd(kept.get(name).gt(0)).countNonzero().getLong());
            byPositionPerLayer.put(name, t.logicalAnd(byPosition.get(name).gt(0)).countNonzero().getLong());
        });
        return new TieCount(threshold.getFloat(), tiedPerLayer.values().stream().mapToLong(Long::longValue).sum(),
                keptPerLayer.values().stream().mapToLong(Long::longValue).sum(), tiedPerLayer, keptPerLayer, byPositionPerLayer);
    }

    /** The tensors' flattened values laid end to end in the map's order. */
    private static NDArray flat(Map<String, NDArray> scores) {
        NDList flat = new NDList();
        scores.values().forEach(s -> flat.add(s.flatten()));
        return NDArrays.concat(flat);
    }

    /** Cuts a vector laid out as {@link #flat} back into tensors shaped like {@code like}. */
    private static Map<String, NDArray> unflatten(NDArray vector, Map<String, NDArray> like) {
        Map<String, NDArray> result = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, NDArray> e : like.entrySet()) {
            long size = e.getValue().size();
            result.put(e.getKey(), vector.get(offset + ":" + (offset + size)).reshape(e.getValue().getShape()));
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
