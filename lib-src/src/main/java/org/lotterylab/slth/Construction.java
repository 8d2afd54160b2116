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
 * approximates; the error of the output grows with the fan-in and is measured, not bounded in
 * advance ({@link OutputError}). The authors' protocol divides ε by each layer's fan-in and draws
 * fresh numbers for a subset sum that misses it: {@code .perFanIn().redraws(r)} does both.
 */
public final class Construction {

    private final String method;
    private final Layering layering;
    private final int rho;
    private final double epsilon;
    private final SubsetSumSolver solver;
    private final long seed;
    private final boolean perFanIn;
    private final int redraws;

    private Construction(String method, Layering layering, int rho, double epsilon, SubsetSumSolver solver, long seed,
            boolean perFanIn, int redraws) {
        if (rho < 1 || !(epsilon > 0) || redraws < 0) {
            throw new IllegalArgumentException("a construction needs ρ ≥ 1, ε > 0 and redraws ≥ 0, got ρ = " + rho
                    + ", ε = " + epsilon + ", redraws = " + redraws);
        }
        this.perFanIn = perFanIn;
        this.redraws = redraws;
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
        return new Construction("L+1", new DepthPlusOne(), rho, epsilon, SubsetSumSolvers.heuristic(), 0, false, 0);
    }

    /**
     * The classic construction: depth 2L, each target weight a subset sum of products of two uniforms.
     *
     * @param rho the size of a univariate block (per sign for ReLU)
     * @param epsilon the tolerance of each subset sum
     * @return the construction, with the heuristic solver and seed 0
     */
    public static Construction twiceDepth(int rho, double epsilon) {
        return new Construction("2L", new TwiceDepth(), rho, epsilon, SubsetSumSolvers.heuristic(), 0, false, 0);
    }

    /** @param value the subset-sum solver @return this construction with it */
    public Construction solver(SubsetSumSolver value) {
        return new Construction(method, layering, rho, epsilon, value, seed, perFanIn, redraws);
    }

    /** @param value the seed of the random source network @return this construction with it */
    public Construction seed(long value) {
        return new Construction(method, layering, rho, epsilon, solver, value, perFanIn, redraws);
    }

    /**
     * Reads ε as the tolerance of a neuron's output: every layer's subset sums get ε divided by its
     * fan-in, the most non-zero terms (weights and bias) any of its outputs sums, whose errors add
     * up ({@link WeightLayer#terms()}), as the authors' protocol prescribes.
     *
     * @return this construction with it
     */
    public Construction perFanIn() {
        return new Construction(method, layering, rho, epsilon, solver, seed, true, redraws);
    }

    /**
     * @param value how many times a subset sum that misses its tolerance draws fresh numbers and
     *     solves again, as the authors' code does; the fresh numbers are counted as extra width
     *     ({@link Constructed#redrawnWeights()})
     * @return this construction with it
     */
    public Construction redraws(int value) {
        return new Construction(method, layering, rho, epsilon, solver, seed, perFanIn, value);
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
        // The fresh numbers of redraws come from their own stream: the source's first draws stay those of the seed.
        SolveLog log = new SolveLog(solver, epsilon, perFanIn, redraws, new SplittableRandom(seed).split());
        return SourceNet.assemble(method, target, layering.layers(target, rho, new SplittableRandom(seed), log), log,
                manager);
    }
}
