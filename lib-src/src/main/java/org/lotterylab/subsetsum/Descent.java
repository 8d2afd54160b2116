package org.lotterylab.subsetsum;

import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Local search on a subset: flip one vector in or out, or flip two (a swap, two adds, two removes:
 * the pair moves let large vectors that cancel each other enter together), always taking
 * the move that lowers the squared error |z − Σ x_i|² most, until none does. Squared error is
 * the smooth stand-in for the max-abs error, which is flat for most single moves; the max-abs
 * error of each local optimum is what the solver compares. Rows of the Gram matrix (x_i·x_j),
 * computed when first needed, make every move's effect O(1) to evaluate; pair moves need all of
 * it, so above {@link #PAIR_LIMIT} vectors only single flips are tried (with many small vectors,
 * as in the constructions, single flips already reach fine sums).
 */
final class Descent {

    /** Up to this many vectors pair moves are tried: the full Gram matrix is 8·n² bytes (2 MB here). */
    static final int PAIR_LIMIT = 500;

    private final Instance instance;
    private final double[][] gram;
    private final double[] norms;
    private final boolean[] in;
    /** residual·x_i for every i, kept up to date after each move. */
    private final double[] projection;
    private final double[] residual;

    Descent(Instance instance, int[] start) {
        this.instance = instance;
        int n = instance.n;
        this.gram = new double[n][];
        this.norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = dot(instance.vectors[i], instance.vectors[i]);
        }
        this.in = new boolean[n];
        this.projection = new double[n];
        this.residual = instance.target.clone();
        for (int i = 0; i < n; i++) {
            projection[i] = dot(residual, instance.vectors[i]);
        }
        for (int i : start) {
            flip(i);
        }
    }

    /**
     * Moves to a local optimum of the squared error: the best single flip while one helps (O(n)
     * per move), the best pair flip only when none does (O(n²)), so large instances stay fast.
     */
    void descend() {
        double tolerance = 1e-12 * (1 + dot(instance.target, instance.target));
        while (bestSingle(tolerance) || (instance.n <= PAIR_LIMIT && bestPair(tolerance))) {
            // each call that returns true has applied its move
        }
    }

    private boolean bestSingle(double tolerance) {
        int best = -1;
        double bestChange = -tolerance;
        for (int i = 0; i < instance.n; i++) {
            double change = norms[i] - 2 * sign(i) * projection[i];
            if (change < bestChange) {
                bestChange = change;
                best = i;
            }
        }
        if (best >= 0) {
            flip(best);
        }
        return best >= 0;
    }

    private boolean bestPair(double tolerance) {
        int first = -1, second = -1;
        double bestChange = -tolerance;
        for (int i = 0; i < instance.n; i++) {
            double[] row = row(i);
            for (int j = 0; j < i; j++) {
                // |r − a·x_i − b·x_j|² − |r|², a and b the signs of the two flips
                double change = norms[i] + norms[j] + 2 * sign(i) * sign(j) * row[j] - 2 * sign(i) * projection[i]
                        - 2 * sign(j) * projection[j];
                if (change < bestChange) {
                    bestChange = change;
                    first = i;
                    second = j;
                }
            }
        }
        if (first >= 0) {
            flip(first);
            flip(second);
        }
        return first >= 0;
    }

    /** +1 if flipping i adds x_i to the sum, −1 if it removes it. */
    private double sign(int i) {
        return in[i] ? -1 : 1;
    }

    /** Flips {@code count} random members in or out: the kick of an iterated local search. */
    void perturb(int count, RandomGenerator random) {
        for (int k = 0; k < count; k++) {
            flip(random.nextInt(instance.n));
        }
    }

    /** The current subset's max-abs error. */
    double error() {
        double error = 0;
        for (double r : residual) {
            error = Math.max(error, Math.abs(r));
        }
        return error;
    }

    int[] subset() {
        return IntStream.range(0, instance.n).filter(i -> in[i]).toArray();
    }

    /** Restores a subset remembered earlier. */
    void reset(int[] subset) {
        boolean[] wanted = new boolean[instance.n];
        for (int i : subset) {
            wanted[i] = true;
        }
        for (int i = 0; i < instance.n; i++) {
            if (in[i] != wanted[i]) {
                flip(i);
            }
        }
    }

    private void flip(int i) {
        double sign = in[i] ? 1 : -1;   // removing x_i adds it back to the residual
        in[i] = !in[i];
        double[] x = instance.vectors[i];
        for (int d = 0; d < residual.length; d++) {
            residual[d] += sign * x[d];
        }
        double[] row = row(i);
        for (int j = 0; j < instance.n; j++) {
            projection[j] += sign * row[j];
        }
    }

    /** Row i of the Gram matrix, x_i·x_j for every j, computed once. */
    private double[] row(int i) {
        if (gram[i] == null) {
            gram[i] = new double[instance.n];
            for (int j = 0; j < instance.n; j++) {
                gram[i][j] = dot(instance.vectors[i], instance.vectors[j]);
            }
        }
        return gram[i];
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }
}
