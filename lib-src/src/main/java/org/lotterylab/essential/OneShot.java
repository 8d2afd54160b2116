package org.lotterylab.essential;

import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.NmSparsity;
import org.lotterylab.prune.Prune;

/**
 * One-shot pruning of a pre-trained net, as the essential-sparsity paper does it: a mask drawn once
 * from the weights the net holds, with no training to find it. A plain record, so that it names a
 * run in the experiment store.
 *
 * <ul>
 *   <li>{@link #magnitude}: OMP, the smallest magnitudes over all prunable weights at once (global);</li>
 *   <li>{@link #random}: the control, the same number of weights chosen at random;</li>
 *   <li>{@link #nOfM}: N:M, at most N weights kept in every group of M consecutive inputs of a row.</li>
 * </ul>
 *
 * <pre>{@code
 * minilm.load(pretrained);                         // always prune the pre-trained weights
 * try (Mask mask = OneShot.magnitude(0.4).prune(minilm)) {
 *     double accuracy = task.probe(minilm);
 * }
 * }</pre>
 *
 * @param method how weights are chosen
 * @param sparsity the fraction of prunable weights removed, in [0, 1)
 * @param n for N:M, the weights kept per group (else 0)
 * @param m for N:M, the group size (else 0)
 * @param seed for random pruning, the seed of the scores (else 0)
 */
public record OneShot(Method method, double sparsity, int n, int m, long seed) {

    /** How a one-shot mask chooses its weights. */
    public enum Method {
        /** The largest magnitudes survive (OMP). */
        MAGNITUDE,
        /** Uniformly random survivors. */
        RANDOM,
        /** The largest magnitudes of every group of M consecutive inputs. */
        N_OF_M
    }

    /** Checks the sparsity and, for N:M, the pattern. */
    public OneShot {
        if (method == Method.N_OF_M) {
            Prune.nOfM(n, m); // names a bad pattern (N = 0 would empty the linear layers) before its sparsity is judged
        }
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must lie in [0, 1), got " + sparsity);
        }
    }

    /**
     * @param sparsity the fraction of prunable weights removed
     * @return global one-shot magnitude pruning (OMP)
     */
    public static OneShot magnitude(double sparsity) {
        return new OneShot(Method.MAGNITUDE, sparsity, 0, 0, 0);
    }

    /**
     * @param sparsity the fraction of prunable weights removed
     * @param seed the seed of the random choice
     * @return random pruning at that sparsity
     */
    public static OneShot random(double sparsity, long seed) {
        return new OneShot(Method.RANDOM, sparsity, 0, 0, seed);
    }

    /**
     * @param n the weights kept in every group
     * @param m the group size
     * @return N:M pruning, of sparsity 1 − n/m
     */
    public static OneShot nOfM(int n, int m) {
        NmSparsity pattern = Prune.nOfM(n, m);   // checks 1 ≤ n ≤ m
        return new OneShot(Method.N_OF_M, 1 - (double) pattern.n() / pattern.m(), n, m, 0);
    }

    /**
     * Draws the mask from the weights the net holds now and zeroes the pruned ones in place.
     *
     * @param net an initialised net, e.g. the pre-trained MiniLM
     * @return the mask (close it when done)
     */
    public Mask prune(Net net) {
        try (Mask all = Mask.ones(net)) {
            Mask mask = switch (method) {
                case MAGNITUDE -> Prune.magnitude().prune(net, all, sparsity);
                case RANDOM -> Prune.random(seed).prune(net, all, sparsity);
                case N_OF_M -> Prune.nOfM(n, m).prune(net, all);
            };
            mask.applyTo(net);
            return mask;
        }
    }

    /** @return a short label: "OMP", "random" or "2:4" */
    public String label() {
        return switch (method) {
            case MAGNITUDE -> "OMP";
            case RANDOM -> "random";
            case N_OF_M -> n + ":" + m;
        };
    }
}
