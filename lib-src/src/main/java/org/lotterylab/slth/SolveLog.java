package org.lotterylab.slth;

import java.util.SplittableRandom;
import org.lotterylab.subsetsum.SolveTally;
import org.lotterylab.subsetsum.SubsetSolution;
import org.lotterylab.subsetsum.SubsetSumSolver;

/**
 * Solves the subset sums of one construction and keeps their tally.
 *
 * <p>Two parts of the authors' protocol (RelationalML/LT-existence) are options here:
 * <ul>
 *   <li><b>Redraws.</b> When a subset sum misses ε, the authors' code draws fresh random numbers and
 *       solves again, counting the fresh numbers as extra width. With {@code redraws} &gt; 0 the
 *       block's numbers are drawn afresh (in place in the source, {@link Redraw}) up to that many
 *       times; the fresh numbers are counted ({@link #redrawnWeights()}). In a source network they
 *       are extra neurons (or copies) whose first draw is pruned away whole.
 *   <li><b>ε per weight divided by the fan-in.</b> Errors of the weights add up over the terms of a
 *       neuron's sum, so the per-weight tolerance is the output tolerance over the number of terms
 *       ({@link #forTerms}).
 * </ul>
 * A solve that still misses ε returns the best subset the solver found: the construction uses it
 * and the miss is counted, so the notebook can report how often the source was too narrow.
 */
final class SolveLog {

    /** Fresh numbers for a subset sum that missed ε: drawn into the source, returned as the new candidates. */
    interface Redraw {
        /** @param random the generator of fresh numbers @return the new candidate values, in the old order */
        double[] draw(SplittableRandom random);
    }

    private final SubsetSumSolver solver;
    private final double epsilon;
    private final boolean perFanIn;
    private final int redraws;
    private final SplittableRandom random;
    private double tolerance;
    private SolveTally tally = SolveTally.NONE;
    private int firstDrawMisses;
    private long redrawnWeights;

    /**
     * @param epsilon the tolerance of a weight, or of a neuron's output when {@code perFanIn}
     * @param perFanIn whether each layer divides ε by its fan-in
     * @param redraws how many times a missed subset sum draws fresh numbers (0: never)
     * @param random the generator of the fresh numbers
     */
    SolveLog(SubsetSumSolver solver, double epsilon, boolean perFanIn, int redraws, SplittableRandom random) {
        this.solver = solver;
        this.epsilon = epsilon;
        this.perFanIn = perFanIn;
        this.redraws = redraws;
        this.random = random;
        this.tolerance = epsilon;
    }

    /**
     * Sets the tolerance of the next layer's subset sums: ε, or ε / terms when the log divides by
     * the fan-in ({@link WeightLayer#terms()}: the most non-zero terms any output of the layer sums).
     */
    void forTerms(int terms) {
        tolerance = perFanIn ? epsilon / terms : epsilon;
    }

    /** Returns the subset of {@code values} whose sum approximates {@code target}; never draws afresh. */
    int[] solve(double[] values, double target) {
        return solve(values, target, null);
    }

    /**
     * Returns the subset of the candidates whose sum approximates {@code target}, drawing fresh
     * candidates with {@code redraw} while the solver misses the tolerance and redraws are left.
     */
    int[] solve(double[] values, double target, Redraw redraw) {
        SubsetSolution solution = solver.solve(values, target, tolerance);
        if (!solution.reached()) {
            firstDrawMisses++;
        }
        for (int attempt = 0; redraw != null && !solution.reached() && attempt < redraws; attempt++) {
            // The discarded attempt's solver time still counts; it is not a solve of its own.
            tally = tally.plus(new SolveTally(0, 0, 0, solution.seconds()));
            double[] fresh = redraw.draw(random);
            redrawnWeights += fresh.length;
            solution = solver.solve(fresh, target, tolerance);
        }
        tally = tally.plus(solution);
        return solution.subset();
    }

    SolveTally tally() {
        return tally;
    }

    /** Returns how many subset sums missed the tolerance with their first numbers. */
    int firstDrawMisses() {
        return firstDrawMisses;
    }

    /** Returns how many fresh numbers the redraws took: the extra width. */
    long redrawnWeights() {
        return redrawnWeights;
    }
}
