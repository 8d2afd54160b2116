package org.lotterylab.subsetsum;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A family of random subset-sum instances, the objects of the random-subset-sum (RSS) theorems:
 * n candidates drawn i.i.d., a target drawn uniformly from [−1, 1]^D. The success rate of a solver
 * over many draws estimates the probability that a subset within ε exists (exactly so for an exact
 * solver; a lower bound for the heuristic).
 *
 * <pre>{@code
 * double p = RandomSubsetSum.uniform(12).successRate(SubsetSumSolvers.meetInTheMiddle(), 0.01, 300, 0);
 * }</pre>
 *
 * @param name what the candidates are, e.g. "uniform"
 * @param n the number of candidates
 * @param dimension D, the length of every vector
 * @param candidate draws one candidate vector
 */
public record RandomSubsetSum(String name, int n, int dimension, Function<Random, double[]> candidate) {

    /** Checks the sizes. */
    public RandomSubsetSum {
        if (n < 1 || dimension < 1) {
            throw new IllegalArgumentException("need n ≥ 1 candidates of dimension ≥ 1, got n = " + n + ", D = " + dimension);
        }
    }

    /** Lueker's setting: values U(−1, 1). */
    public static RandomSubsetSum uniform(int n) {
        return new RandomSubsetSum("uniform", n, 1, random -> new double[] {random.nextDouble(-1, 1)});
    }

    /** Products of two U(−1, 1) values: what a weight of the classic 2L construction is a sum of. */
    public static RandomSubsetSum productsOfUniforms(int n) {
        return new RandomSubsetSum("product of uniforms", n, 1,
                random -> new double[] {random.nextDouble(-1, 1) * random.nextDouble(-1, 1)});
    }

    /**
     * Normal-scalar-times-normal-vector candidates u·v, u ~ N(0, 1), v ~ N(0, I_D): the vectors that
     * structured (channel) pruning of the 2ℓ-layer CNN sums (da Cunha et al.).
     */
    public static RandomSubsetSum nsn(int n, int dimension) {
        return new RandomSubsetSum("NSN", n, dimension, random -> {
            double u = random.nextGaussian();
            return IntStream.range(0, dimension).mapToDouble(d -> u * random.nextGaussian()).toArray();
        });
    }

    /** The same family with another number of candidates. */
    public RandomSubsetSum withN(int count) {
        return new RandomSubsetSum(name, count, dimension, candidate);
    }

    /** Draws one instance: n candidates, then the target. */
    public double[][] candidates(Random random) {
        return IntStream.range(0, n).mapToObj(i -> candidate.apply(random)).toArray(double[][]::new);
    }

    /**
     * The fraction of {@code trials} random instances (each with a fresh target in [−1, 1]^D) that
     * {@code solver} solves within ε.
     */
    public double successRate(SubsetSumSolver solver, double epsilon, int trials, long seed) {
        Random random = new Random(seed);
        int reached = 0;
        for (int trial = 0; trial < trials; trial++) {
            double[][] vectors = candidates(random);
            double[] target = random.doubles(dimension, -1, 1).toArray();
            reached += solver.solve(vectors, target, epsilon).reached() ? 1 : 0;
        }
        return (double) reached / trials;
    }
}
