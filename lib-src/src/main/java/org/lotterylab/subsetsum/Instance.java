package org.lotterylab.subsetsum;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * One validated subset-sum problem: n vectors of length D, a target, ε. Every solver builds its
 * answer here, so that the error it reports is always recomputed in doubles from the subset.
 */
final class Instance {

    final double[][] vectors;
    final double[] target;
    final double epsilon;
    final int n;
    final int dimension;
    private final long started = System.nanoTime();

    Instance(double[][] vectors, double[] target, double epsilon) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
        if (target.length == 0) {
            throw new IllegalArgumentException("the target is empty: give it at least one coordinate");
        }
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != target.length) {
                throw new IllegalArgumentException(String.format(
                        "vector %d has length %d but the target has length %d: every vector needs D = %d coordinates",
                        i, vectors[i].length, target.length, target.length));
            }
        }
        this.vectors = vectors;
        this.target = target;
        this.epsilon = epsilon;
        this.n = vectors.length;
        this.dimension = target.length;
    }

    /** The sum of the chosen vectors. */
    double[] sum(int[] subset) {
        double[] sum = new double[dimension];
        for (int i : subset) {
            for (int d = 0; d < dimension; d++) {
                sum[d] += vectors[i][d];
            }
        }
        return sum;
    }

    /** Max-abs distance between the subset's sum and the target. */
    double error(int[] subset) {
        return distance(sum(subset));
    }

    double distance(double[] sum) {
        double error = 0;
        for (int d = 0; d < dimension; d++) {
            error = Math.max(error, Math.abs(sum[d] - target[d]));
        }
        return error;
    }

    /**
     * When some coordinate of the target lies farther than ε outside [sum of the negatives, sum of
     * the positives] there, the range every subset sum can reach, no subset works: this returns the
     * subset that gets closest in that coordinate (all the negatives or all the positives), the
     * best possible answer in 1-D. Returns null when every coordinate is in range.
     */
    int[] outOfRange() {
        for (int d = 0; d < dimension; d++) {
            double low = 0, high = 0;
            for (double[] v : vectors) {
                low += Math.min(v[d], 0);
                high += Math.max(v[d], 0);
            }
            if (target[d] < low - epsilon || target[d] > high + epsilon) {
                int coordinate = d;
                double sign = target[d] > high ? 1 : -1;
                return IntStream.range(0, n).filter(i -> sign * vectors[i][coordinate] > 0).toArray();
            }
        }
        return null;
    }

    /**
     * The answer for a subset: its error is recomputed here, and a subset within ε is REACHED
     * whatever the solver thought; otherwise {@code otherwise} says why not.
     */
    SubsetSolution answer(int[] subset, SolveStatus otherwise, String solver) {
        int[] sorted = subset.clone();
        Arrays.sort(sorted);
        double[] sum = sum(sorted);
        double error = distance(sum);
        SolveStatus status = error <= epsilon ? SolveStatus.REACHED : otherwise;
        return new SubsetSolution(sorted, sum, error, epsilon, status, (System.nanoTime() - started) / 1e9, solver);
    }
}
