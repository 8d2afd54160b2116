package org.lotterylab.subsetsum;

/**
 * The effort of the heuristic solver.
 *
 * @param enumerationBudget how many subsets the first phase may try, smallest first (all subsets of
 *     size 0, 1, 2, ... while their count fits); when it covers all 2ⁿ subsets the answer is exact
 * @param restarts local searches after the first, each from a random perturbation of the best subset
 * @param seed seeds the perturbations, so that a solve is reproducible
 */
public record HeuristicConfig(long enumerationBudget, int restarts, long seed) {

    /** Checks the effort. */
    public HeuristicConfig {
        if (enumerationBudget < 1 || restarts < 0) {
            throw new IllegalArgumentException("need enumerationBudget ≥ 1 and restarts ≥ 0, got "
                    + enumerationBudget + " and " + restarts);
        }
    }

    /** 50,000 enumerated subsets (all of them up to n = 15), 20 restarts, seed 0. */
    public static HeuristicConfig defaults() {
        return new HeuristicConfig(50_000, 20, 0);
    }

    /** @param budget subsets the first phase may try @return this effort with it */
    public HeuristicConfig withEnumerationBudget(long budget) {
        return new HeuristicConfig(budget, restarts, seed);
    }

    /** @param count local searches after the first @return this effort with it */
    public HeuristicConfig withRestarts(int count) {
        return new HeuristicConfig(enumerationBudget, count, seed);
    }

    /** @param value the seed of the perturbations @return this effort with it */
    public HeuristicConfig withSeed(long value) {
        return new HeuristicConfig(enumerationBudget, restarts, value);
    }
}
