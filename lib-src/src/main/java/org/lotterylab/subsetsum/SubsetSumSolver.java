package org.lotterylab.subsetsum;

/**
 * Chooses a subset of values (or vectors) whose sum is within ε of a target, in the max-abs (L∞)
 * norm. Implementations are stateless and may be shared between threads.
 */
public interface SubsetSumSolver {

    /** The solver's name, as it appears in {@link SubsetSolution#solver()}. */
    String name();

    /**
     * Solves a multidimensional subset sum.
     *
     * @param vectors n candidate vectors, each of length D
     * @param target the vector to approximate, length D
     * @param epsilon the tolerance on the max-abs error, positive
     * @return the best subset found, with {@code reached()} true exactly when its error is within ε
     * @throws IllegalArgumentException if the lengths disagree or ε is not positive
     */
    SubsetSolution solve(double[][] vectors, double[] target, double epsilon);

    /** Solves a 1-D subset sum: {@code values} are the candidates, D = 1. */
    default SubsetSolution solve(double[] values, double target, double epsilon) {
        double[][] vectors = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            vectors[i] = new double[] {values[i]};
        }
        return solve(vectors, new double[] {target}, epsilon);
    }
}
