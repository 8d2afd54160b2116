package org.lotterylab.subsetsum;

import java.util.Arrays;

/**
 * The answer of a subset-sum solver: the best subset it found and how good it is.
 *
 * @param subset indices of the chosen values or vectors, ascending
 * @param sum the sum of the chosen vectors (length D; D = 1 for a 1-D problem)
 * @param error max-abs (L∞) distance between {@code sum} and the target, computed in doubles
 * @param epsilon the tolerance asked for
 * @param status how the solve ended; {@link SolveStatus#REACHED} exactly when {@code error ≤ epsilon}
 * @param seconds wall time of the solve
 * @param solver the solver's name
 */
public record SubsetSolution(int[] subset, double[] sum, double error, double epsilon, SolveStatus status,
        double seconds, String solver) {

    /** Whether the subset is within ε of the target. */
    public boolean reached() {
        return status == SolveStatus.REACHED;
    }

    /** How many values or vectors the subset keeps. */
    public int size() {
        return subset.length;
    }

    @Override
    public String toString() {
        return String.format("%s: %s, error %.3g (ε %.3g), %d chosen %s, %.3f s", solver, status, error, epsilon,
                subset.length, Arrays.toString(subset), seconds);
    }
}
