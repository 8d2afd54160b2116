package org.lotterylab.slth;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.lotterylab.subsetsum.SubsetSumSolver;
import org.lotterylab.subsetsum.SubsetSumSolvers;

/**
 * Builds a strong lottery ticket by construction: draws a random source network wider and deeper
 * than a target and prunes it, weight by weight, by subset sums, until it computes the target.
 *
 * <pre>{@code
 * Target target = Target.read(architecture, trained);
 * try (Constructed ticket = Construction.depthPlusOne(15, 0.01).build(target, manager)) {
 *     double accuracy = Evaluate.accuracy(ticket.net(), test);
 * }
 * }</pre>
 *
 * <p>ε is the tolerance of every single subset sum, in the units of the weight (or bias) it
 * approximates, as in the authors' code; the error of the output grows with the fan-in and is
 * measured, not bounded in advance ({@link OutputError}).
 */
public final class Construction {

    private final String method;
    private final Layering layering;
    private final int rho;
    private final double epsilon;
    private final SubsetSumSolver solver;
    private final long seed;

    private Construction(String method, Layering layering, int rho, double epsilon, SubsetSumSolver solver, long seed) {
        if (rho < 1 || !(epsilon > 0)) {
            throw new IllegalArgumentException("a construction needs ρ ≥ 1 and ε > 0, got ρ = " + rho + ", ε = " + epsilon);
        }
        this.method = method;
        this.layering = layering;
        this.rho = rho;
        this.epsilon = epsilon;
        this.solver = solver;
        this.seed = seed;
    }

    /**
     * Burkholz's construction: depth L+1 for a target of depth L, for any of the {@link Nonlinearity}s.
     *
     * @param rho copies per target neuron (and the size of a univariate block per sign)
     * @param epsilon the tolerance of each subset sum
     * @return the construction, with the heuristic solver and seed 0
     */
    public static Construction depthPlusOne(int rho, double epsilon) {
        return new Construction("L+1", new DepthPlusOne(), rho, epsilon, SubsetSumSolvers.heuristic(), 0);
    }

    /**
     * The classic construction: depth 2L, each target weight a subset sum of products of two uniforms.
     *
     * @param rho the size of a univariate block (per sign for ReLU)
     * @param epsilon the tolerance of each subset sum
     * @return the construction, with the heuristic solver and seed 0
     */
    public static Construction twiceDepth(int rho, double epsilon) {
        return new Construction("2L", new TwiceDepth(), rho, epsilon, SubsetSumSolvers.heuristic(), 0);
    }

    /** @param value the subset-sum solver @return this construction with it */
    public Construction solver(SubsetSumSolver value) {
        return new Construction(method, layering, rho, epsilon, value, seed);
    }

    /** @param value the seed of the random source network @return this construction with it */
    public Construction seed(long value) {
        return new Construction(method, layering, rho, epsilon, solver, value);
    }

    /** Returns "L+1" or "2L". */
    public String method() {
        return method;
    }

    /**
     * Draws the source network from the seed, prunes it and returns it as a net and mask.
     *
     * @param target the target network
     * @param manager the manager (and device) the source net's own manager is made under
     * @return the ticket; close it when done
     */
    public Constructed build(Target target, NDManager manager) {
        SolveLog log = new SolveLog(solver, epsilon);
        return SourceNet.assemble(method, target, layering.layers(target, rho, new SplittableRandom(seed), log), log,
                manager);
    }
}
