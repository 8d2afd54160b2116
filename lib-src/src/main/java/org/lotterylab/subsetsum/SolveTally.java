package org.lotterylab.subsetsum;

/**
 * What many subset sums came to: how many were solved, how many missed their ε (a construction
 * uses the best subset found all the same), the largest error and the solver time in all.
 *
 * @param count solves
 * @param failed solves that did not reach their ε
 * @param maxError the largest error of any solve
 * @param seconds solver time in all
 */
public record SolveTally(int count, int failed, double maxError, double seconds) {

    /** No solve yet. */
    public static final SolveTally NONE = new SolveTally(0, 0, 0, 0);

    /**
     * @param solution one more solve
     * @return the tally with it
     */
    public SolveTally plus(SubsetSolution solution) {
        return new SolveTally(count + 1, failed + (solution.reached() ? 0 : 1), Math.max(maxError, solution.error()),
                seconds + solution.seconds());
    }

    /**
     * @param other the tally of other solves
     * @return both together
     */
    public SolveTally plus(SolveTally other) {
        return new SolveTally(count + other.count, failed + other.failed, Math.max(maxError, other.maxError),
                seconds + other.seconds);
    }
}
