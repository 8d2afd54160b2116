package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.SplittableRandom;

/**
 * How {@link Ranking} chooses among scores equal to the threshold when only some of them fit in
 * the k kept: by position (the earlier entries, over several tensors in their order, win) or at
 * random for a seed. Scores clamped to a bound (GEM-MINER's scores at exactly 0 or 1) tie in the
 * thousands; by position, those of the first layers would always win.
 *
 * <pre>{@code
 * Ranking.top(scores, k, Ties.random(7));   // the same seed picks the same tied entries
 * }</pre>
 *
 * @param random whether the tied entries kept are drawn at random (otherwise: the earliest)
 * @param seed the seed of the draw; unused by position
 */
public record Ties(boolean random, long seed) {

    /** The earlier position wins: masks independent of any seed. */
    public static final Ties BY_POSITION = new Ties(false, 0);

    /**
     * @param seed the seed of the draw
     * @return ties broken uniformly at random: every subset of the tied entries of the right size is equally likely
     */
    public static Ties random(long seed) {
        return new Ties(true, seed);
    }

    /**
     * Marks {@code count} of the tied entries.
     *
     * @param tied a 1-D boolean vector of the entries at the threshold
     * @param count how many of them are kept, at most as many as are tied
     * @return a boolean vector marking the chosen ones
     */
    NDArray choose(NDArray tied, long count) {
        if (!random) {
            NDArray rank = tied.toType(DataType.INT64, false).cumSum();
            return tied.logicalAnd(rank.lte(count));
        }
        long[] positions = tied.nonzero().flatten().toLongArray();
        // A partial Fisher–Yates shuffle: the first `count` positions are a uniform sample.
        SplittableRandom draw = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + draw.nextInt(positions.length - i);
            long swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
        }
        float[] chosen = new float[Math.toIntExact(tied.size())];
        for (int i = 0; i < count; i++) {
            chosen[(int) positions[i]] = 1;
        }
        return tied.getManager().create(chosen).gt(0);
    }
}
