package org.lotterylab.slth;

import org.lotterylab.subsetsum.SolveTally;
import org.lotterylab.subsetsum.SubsetSolution;
import org.lotterylab.subsetsum.SubsetSumSolver;

/**
 * Solves the subset sums of one construction and keeps their tally. A solve that misses ε still
 * returns the best subset the solver found: the construction uses it and the miss is counted, so
 * the notebook can report how often the source was too narrow.
 */
final class SolveLog {

    private final SubsetSumSolver solver;
    private final double epsilon;
    private SolveTally tally = SolveTally.NONE;

    SolveLog(SubsetSumSolver solver, double epsilon) {
        this.solver = solver;
        this.epsilon = epsilon;
    }

    /** Returns the subset of {@code values} whose sum approximates {@code target}. */
    int[] solve(double[] values, double target) {
        SubsetSolution solution = solver.solve(values, target, epsilon);
        tally = tally.plus(solution);
        return solution.subset();
    }

    SolveTally tally() {
        return tally;
    }
}
