package org.lotterylab.subsetsum;

import java.util.Arrays;

/**
 * Tries every subset of size 0, then 1, then 2, ... as long as the next size still fits a budget of
 * subsets, and stops at the first within ε: the sparsest answer when there is a small one (as in
 * Burkholz's construction code). It remembers the best subset it saw either way.
 */
final class SmallestSubsetsFirst {

    private final Instance instance;
    private final int[] chosen;
    private final double[][] partialSums;
    int[] best = new int[0];
    double bestError;
    /** Whether every one of the 2ⁿ subsets was tried: then a miss proves infeasibility. */
    boolean exhaustive;

    SmallestSubsetsFirst(Instance instance) {
        this.instance = instance;
        this.chosen = new int[instance.n];
        this.partialSums = new double[instance.n + 1][instance.dimension];
        this.bestError = instance.error(best);
    }

    /** Runs the enumeration; returns whether a subset within ε was found. */
    boolean run(long budget) {
        long spent = 1;
        int size = 1;
        for (; size <= instance.n && choose(instance.n, size) <= budget - spent; size++) {
            spent += choose(instance.n, size);
            if (extend(0, 0, size)) {
                return true;
            }
        }
        exhaustive = size > instance.n;
        return bestError <= instance.epsilon;
    }

    /** Depth-first over the combinations of {@code size} indices, choosing index {@code depth} from {@code from} on. */
    private boolean extend(int depth, int from, int size) {
        if (depth == size) {
            return record(size);
        }
        for (int i = from; i <= instance.n - (size - depth); i++) {
            chosen[depth] = i;
            double[] before = partialSums[depth], after = partialSums[depth + 1];
            for (int d = 0; d < instance.dimension; d++) {
                after[d] = before[d] + instance.vectors[i][d];
            }
            if (extend(depth + 1, i + 1, size)) {
                return true;
            }
        }
        return false;
    }

    private boolean record(int size) {
        double error = instance.distance(partialSums[size]);
        if (error < bestError) {
            bestError = error;
            best = Arrays.copyOf(chosen, size);
        }
        return error <= instance.epsilon;
    }

    /** n choose k, saturating at Long.MAX_VALUE. */
    static long choose(int n, int k) {
        double count = 1;
        for (int i = 1; i <= k; i++) {
            count = count * (n - k + i) / i;
        }
        return count >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(count);
    }
}
