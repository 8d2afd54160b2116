package org.lotterylab.prune;

import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;

/**
 * Entry point of unstructured pruning: one factory per criterion, each returning a global
 * {@link Pruner} to refine. {@link Criteria} names the same pruners, for code that chooses a
 * criterion by name.
 *
 * <pre>{@code
 * Mask mask = Prune.magnitude().global().prune(net, Mask.ones(net), 0.2);
 * Mask snip = Prune.snip(batches).layerwise().prune(net, Mask.ones(net), 0.9);
 * }</pre>
 *
 * Criteria that need data take an {@code Iterable<Batch>} and use every batch in it: pass one or a
 * few batches, e.g. {@code List.of(dataset.getData(manager).iterator().next())}.
 */
public final class Prune {

    private Prune() {}

    /** Pruning by the criterion given. */
    public static Pruner by(Criterion criterion) {
        return new Pruner(criterion, Scope.GLOBAL, false, 1, 1);
    }

    /** Smallest |w| first. */
    public static Pruner magnitude() {
        return by(new Magnitude());
    }

    /** Uniformly random, reproducible for a seed. */
    public static Pruner random(long seed) {
        return by(new RandomScore(seed));
    }

    /** SNIP |w ⊙ g| with softmax cross-entropy on the given batches. */
    public static Pruner snip(Iterable<Batch> batches) {
        return by(new Snip(batches, Loss.softmaxCrossEntropyLoss()));
    }

    /** First-order Taylor |w ⊙ g| per batch, with softmax cross-entropy. */
    public static Pruner taylor(Iterable<Batch> batches) {
        return by(new Taylor(batches, Loss.softmaxCrossEntropyLoss()));
    }

    /** GraSP with softmax cross-entropy and the paper's temperature of 200. */
    public static Pruner grasp(Iterable<Batch> batches) {
        return by(new Grasp(batches, Loss.softmaxCrossEntropyLoss(), 200));
    }

    /** N:M sparsity of the linear layers, e.g. {@code nOfM(2, 4)}. */
    public static NmSparsity nOfM(int n, int m) {
        return new NmSparsity(n, m);
    }

    /** Structured filter pruning by the given norm; returns a physically smaller net. */
    public static ChannelPruning filters(Norm norm) {
        return new ChannelPruning(norm);
    }

    /** SynFlow in the paper's 100 rounds; data-free. */
    public static Pruner synflow() {
        return by(new SynFlow()).rounds(100);
    }
}
