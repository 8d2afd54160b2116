package org.lotterylab.slth;

import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;

/**
 * A strong lottery ticket built by construction: a random source network, the mask that prunes
 * it into an approximation of a target network, and what building it took.
 *
 * <p>The net and the mask are ordinary library objects, so evaluation, the sparsity report and
 * the charts apply as to any pruned net. The net's weights are the random source weights with
 * the mask already applied. A constructed ticket owns both: the builder initialises the net on a
 * manager made for it alone, and {@link #close()} frees that manager and the mask.
 *
 * <pre>{@code
 * try (Constructed ticket = Construction.depthPlusOne(15, 0.01).build(target, manager)) {
 *     double accuracy = Evaluate.accuracy(ticket.net(), test);
 *     display(ticket.mask().report());
 * }
 * }</pre>
 *
 * @param method the construction, e.g. "L+1", "2L", "structured"
 * @param net the pruned random source network (mask applied)
 * @param mask which source weights are kept
 * @param layers the number of weight layers of the source network
 * @param kept the number of weights the mask keeps
 * @param total the number of prunable weights of the source network
 * @param solves the number of subset-sum problems solved
 * @param failedSolves how many of them did not reach their tolerance (the best subset found is used)
 * @param maxSubsetError the largest error of any subset sum, in the units of the weight it approximates
 * @param solverSeconds the time spent in the subset-sum solver, summed over all solves
 * @param firstDrawMisses how many subset sums missed their tolerance with the source's first numbers
 *     (equal to {@code failedSolves} when the construction never draws afresh)
 * @param redrawnWeights the fresh numbers drawn for them: the extra width a redrawing construction
 *     needs beyond {@code total}
 */
public record Constructed(String method, Net net, Mask mask, int layers, long kept, long total, int solves,
        int failedSolves, double maxSubsetError, double solverSeconds, int firstDrawMisses, long redrawnWeights)
        implements AutoCloseable {

    /** Checks the counts, naming the bad one. */
    public Constructed {
        if (layers < 1 || kept < 0 || kept > total || solves < 0 || failedSolves < 0 || failedSolves > firstDrawMisses
                || firstDrawMisses > solves || redrawnWeights < 0) {
            throw new IllegalArgumentException("inconsistent construction statistics: layers " + layers + ", kept "
                    + kept + " of " + total + ", failed " + failedSolves + " of " + solves + " solves ("
                    + firstDrawMisses + " at the first draw), " + redrawnWeights + " weights redrawn");
        }
    }

    /** Returns the fraction of the source's weights kept, in [0, 1]. */
    public double density() {
        return total == 0 ? 0 : (double) kept / total;
    }

    /** Returns the fraction of subset sums that missed their tolerance with the source's first numbers, in [0, 1]. */
    public double firstDrawFailRate() {
        return solves == 0 ? 0 : (double) firstDrawMisses / solves;
    }

    /** Returns the fraction of subset sums that missed their tolerance, in [0, 1]. */
    public double failRate() {
        return solves == 0 ? 0 : (double) failedSolves / solves;
    }

    /** Frees the mask and the manager holding the net's weights. */
    @Override
    public void close() {
        mask.close();
        net.manager().close();
    }
}
