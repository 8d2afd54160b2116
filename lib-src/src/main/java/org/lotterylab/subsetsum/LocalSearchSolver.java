package org.lotterylab.subsetsum;

import java.util.Random;

/**
 * The fast solver: {@link SmallestSubsetsFirst} within an enumeration budget, then an iterated
 * {@link Descent} (local optimum, random kick, local optimum, ...) from the best subset so far,
 * stopping at the first subset within ε. It proves infeasibility only when the enumeration
 * covered all 2ⁿ subsets; otherwise a miss is {@link SolveStatus#NOT_FOUND}.
 */
final class LocalSearchSolver extends InstanceSolver {

    private final HeuristicConfig config;

    LocalSearchSolver(HeuristicConfig config) {
        super("heuristic");
        this.config = config;
    }

    @Override
    SubsetSolution search(Instance instance) {
        SmallestSubsetsFirst small = new SmallestSubsetsFirst(instance);
        if (small.run(config.enumerationBudget()) || small.exhaustive) {
            // within ε: REACHED; otherwise every one of the 2ⁿ subsets was tried: proven INFEASIBLE
            return instance.answer(small.best, SolveStatus.INFEASIBLE, name());
        }
        int[] best = small.best;
        double bestError = small.bestError;
        Descent search = new Descent(instance, best);
        Random random = new Random(config.seed());
        int kick = Math.max(2, instance.n / 10);
        for (int round = 0; round <= config.restarts() && bestError > instance.epsilon; round++) {
            if (round > 0) {
                search.reset(best);
                search.perturb(kick, random);
            }
            search.descend();
            if (search.error() < bestError) {
                bestError = search.error();
                best = search.subset();
            }
        }
        return instance.answer(best, SolveStatus.NOT_FOUND, name());
    }
}
