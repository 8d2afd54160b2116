package org.lotterylab.essential;

import org.lotterylab.nn.Net;
import org.lotterylab.prune.PruningCriteria;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.NmSparsity;
import org.lotterylab.prune.Prune;
import org.lotterylab.prune.Scoring;

/**
 * One-shot pruning of a pre-trained net, as the essential-sparsity paper does it: a mask drawn once
 * from the weights the net holds, with no training to find it. A plain record, so that it names a
 * run in the experiment store.
 *
 * <ul>
 *   <li>{@link #magnitude}: OMP, the smallest magnitudes over all prunable weights at once (global);</li>
 *   <li>{@link #random}: the control, the same number of weights chosen at random;</li>
 *   <li>{@link #by}: any other data-free criterion of {@link PruningCriteria}, by name, globally;</li>
 *   <li>{@link #nOfM}: N:M, at most N weights kept in every group of M consecutive inputs of a row;</li>
 *   <li>{@link #floor}: every prunable weight removed, what is left of the net when pruning has taken
 *       all it may (a task's floor: the score no pruning can push the net below).</li>
 * </ul>
 *
 * <pre>{@code
 * minilm.load(pretrained);                         // always prune the pre-trained weights
 * try (Mask mask = OneShot.magnitude(0.4).prune(minilm)) {
 *     double accuracy = task.probe(minilm);
 * }
 * }</pre>
 *
 * @param criterion a name of {@link PruningCriteria#names()}; "magnitude" for N:M, whose groups keep their
 *     largest magnitudes
 * @param sparsity the fraction of prunable weights removed, in [0, 1] (1: the floor)
 * @param n for N:M, the weights kept per group (else 0)
 * @param m for N:M, the group size (else 0)
 * @param seed for seeded criteria (random), the seed of the scores (else 0)
 */
public record OneShot(String criterion, double sparsity, int n, int m, long seed) {

    private static final String MAGNITUDE = "magnitude";

    /** Checks the criterion, the sparsity and, for N:M, the pattern. */
    public OneShot {
        if (isPattern(n, m)) {
            Prune.nOfM(n, m); // names a bad pattern (N = 0 would empty the linear layers) before its sparsity is judged
            if (!MAGNITUDE.equals(criterion)) {
                throw new IllegalArgumentException("N:M keeps the largest magnitudes of each group: its criterion is '"
                        + MAGNITUDE + "', got '" + criterion + "'");
            }
        } else {
            PruningCriteria.pruner(criterion, Scoring.seeded(seed)); // names an unknown criterion now, not when a mask is drawn
        }
        if (!(sparsity >= 0 && sparsity <= 1)) {
            throw new IllegalArgumentException("sparsity must lie in [0, 1], got " + sparsity);
        }
        if (sparsity == 1 && !(MAGNITUDE.equals(criterion) && !isPattern(n, m))) {
            throw new IllegalArgumentException("only the floor removes every weight: use OneShot.floor()");
        }
    }

    /**
     * @param criterion a name of {@link PruningCriteria#names()} that needs no data (a one-shot mask has none)
     * @param sparsity the fraction of prunable weights removed
     * @param seed the seed of seeded criteria
     * @return global one-shot pruning by that criterion
     */
    public static OneShot by(String criterion, double sparsity, long seed) {
        return new OneShot(criterion, sparsity, 0, 0, seed);
    }

    /**
     * @param sparsity the fraction of prunable weights removed
     * @return global one-shot magnitude pruning (OMP)
     */
    public static OneShot magnitude(double sparsity) {
        return by(MAGNITUDE, sparsity, 0);
    }

    /**
     * @param sparsity the fraction of prunable weights removed
     * @param seed the seed of the random choice
     * @return random pruning at that sparsity
     */
    public static OneShot random(double sparsity, long seed) {
        return by("random", sparsity, seed);
    }

    /** @return every prunable weight removed: the floor a task's score cannot fall below by pruning */
    public static OneShot floor() {
        return magnitude(1);
    }

    /**
     * @param n the weights kept in every group
     * @param m the group size
     * @return N:M pruning, of sparsity 1 − n/m
     */
    public static OneShot nOfM(int n, int m) {
        NmSparsity pattern = Prune.nOfM(n, m);   // checks 1 ≤ n ≤ m
        return new OneShot(MAGNITUDE, 1 - (double) pattern.n() / pattern.m(), n, m, 0);
    }

    /**
     * Draws the mask from the weights the net holds now and zeroes the pruned ones in place.
     *
     * @param net an initialised net, e.g. the pre-trained MiniLM
     * @return the mask (close it when done)
     */
    public Mask prune(Net net) {
        try (Mask all = Mask.ones(net)) {
            Mask mask = sparsity == 1 ? all.invert() : isPattern(n, m) ? Prune.nOfM(n, m).prune(net, all) :
                    PruningCriteria.pruner(criterion, Scoring.seeded(seed)).prune(net, all, sparsity);
            mask.applyTo(net);
            return mask;
        }
    }

    /** @return a short label: "OMP" for magnitude, "2:4" for a pattern, "floor", else the criterion's name */
    public String label() {
        if (sparsity == 1) {
            return "floor";
        }
        if (isPattern(n, m)) {
            return n + ":" + m;
        }
        return criterion.equals(MAGNITUDE) ? "OMP" : criterion;
    }

    /** An N:M pattern is given by any non-zero n or m (a bad one, such as 0:4, is refused). */
    private static boolean isPattern(int n, int m) {
        return n != 0 || m != 0;
    }
}
