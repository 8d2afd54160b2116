package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.train.Objective;
import org.lotterylab.train.Updates;

/**
 * A {@link Net} whose convolution and linear weights are gated by learnable scores: each such
 * layer computes with {@code w ⊙ m(s)}, the mask {@code m} decided by a {@link MaskRule}, and the
 * gradient reaches the scores straight through the rounding: {@code ∂L/∂s = ∂L/∂(w ⊙ m) ⊙ w}
 * (times the derivative of the rule's importance, e.g. sign(s) for |s|).
 *
 * <p>The scored net is the ordinary net plus scores: the same blocks, the same parameter names
 * ({@code conv1.weight} is gated by the scores of {@code conv1.weight}), so {@link #mask()} is an
 * ordinary {@link Mask} of the ordinary net and every tool of the library applies to it. Whether
 * the weights are frozen or trained is up to the training: it decides which arrays it steps.
 *
 * <pre>{@code
 * ScoredNet scored = ScoredNet.of(net, new LayerTopK(0.05), ScoreInit.KAIMING_UNIFORM, 7);
 * Training.with(config).minimising(scored.objective()).updating(scored.scoreUpdates()).fit(net, train);
 * Mask mask = scored.mask();                                // 5% of every layer
 * }</pre>
 *
 * <p>Some weights can be deactivated for good ({@link #deactivate}): they are masked whatever
 * their score and their scores get no gradient (GEM-MINER's freezing).
 */
public final class ScoredNet {

    private final Net net;
    private final MaskRule rule;
    private final Map<String, NDArray> scores = new LinkedHashMap<>();
    private final Map<String, NDArray> active = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Block block;

    private ScoredNet(Net net, MaskRule rule, ScoreInit init, long seed) {
        this.net = net;
        this.rule = rule;
        SplittableRandom random = new SplittableRandom(seed);
        net.prunableParameters().forEach((name, p) -> {
            NDArray s = init.create(p.getArray(), random);
            s.setRequiresGradient(true);
            scores.put(name, s);
            active.put(name, p.getArray().onesLike());
            ids.put(name, p.getId());
        });
        this.block = new ScoreGatedBlock(net.block(), this::gates);
    }

    /**
     * Gates every prunable weight of {@code net} with fresh scores.
     *
     * @param net an initialised net; its weights are used, not copied
     * @param rule how scores become masks
     * @param init how scores start
     * @param seed the seed of random scores
     * @return the scored net
     */
    public static ScoredNet of(Net net, MaskRule rule, ScoreInit init, long seed) {
        return new ScoredNet(net, rule, init, seed);
    }

    /** @return the gated net (its weights are the ones gated) */
    public Net net() {
        return net;
    }

    /** @return how scores become masks */
    public MaskRule rule() {
        return rule;
    }

    /**
     * @return the DJL block computing with gated weights, e.g. for a {@code Model} and its
     *     {@code Predictor}; it owns no parameters (the net's weights and these scores are what it reads)
     */
    public Block block() {
        return block;
    }

    /** @return classification through the gated weights: what score training minimises */
    public Objective objective() {
        return Objective.classification(block);
    }

    /**
     * @return the scores alone, named {@code scores of <weight>}, with the optimizer the training
     *     configuration names (the weights stay frozen)
     */
    public Updates scoreUpdates() {
        return Updates.arrays("scores", scores);
    }

    /** @return the live score arrays by the name of the weight they gate, in forward order */
    public Map<String, NDArray> scores() {
        return Collections.unmodifiableMap(scores);
    }

    /**
     * Runs the gated net; inside a {@code GradientCollector} the loss's gradient reaches both the
     * weights and the scores.
     *
     * @param inputs a batch
     * @param training whether layers such as BatchNorm are in training mode
     * @return the outputs
     */
    public NDList forward(NDList inputs, boolean training) {
        return block.forward(new ParameterStore(net.manager(), false), inputs, training);
    }

    /** @return the mask the next forward pass uses, as an ordinary mask of {@link #net()} */
    public Mask mask() {
        return keep(rule, UnaryOperator.identity(), true);
    }

    /** @return the weights not deactivated, as a mask */
    public Mask active() {
        Map<String, NDArray> copies = new LinkedHashMap<>();
        active.forEach((name, a) -> copies.put(name, a.duplicate()));
        return Mask.of(copies);
    }

    /**
     * The score-inversion sanity check: keeps the weights {@code keeping} would keep if every
     * importance were negated, i.e. the least important ones.
     *
     * @param keeping the rule that picks as many weights as the mask under test keeps
     * @return the inverted mask
     */
    public Mask inverted(MaskRule keeping) {
        return keep(keeping, NDArray::neg, false);
    }

    private Mask keep(MaskRule keeping, UnaryOperator<NDArray> order, boolean onlyActive) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Map<String, NDArray> importance = new LinkedHashMap<>();
            scores.forEach((name, s) -> importance.put(name, order.apply(rule.importance(s.stopGradient()))));
            Map<String, NDArray> kept = keeping.keep(importance);
            Map<String, NDArray> masks = new LinkedHashMap<>();
            kept.forEach((name, m) -> {
                NDArray mask = onlyActive ? m.mul(active.get(name)) : m.duplicate();
                NDScope.unregister(mask);
                masks.put(name, mask);
            });
            return Mask.of(masks);
        }
    }

    /**
     * Deactivates for good the weights that {@code keep} marks 0: they stay masked and their
     * scores stop learning.
     *
     * @param keep 0/1 tensors by weight name; weights marked 1 keep their current state
     */
    public void deactivate(Map<String, NDArray> keep) {
        active.forEach((name, a) -> a.muli(keep.get(name)));
    }

    /**
     * Applies {@code f} to every score array in place, e.g. clamping.
     *
     * @param f computes the new scores from the old
     */
    public void updateScores(UnaryOperator<NDArray> f) {
        scores.values().forEach(s -> {
            try (NDArray updated = f.apply(s)) {
                s.set(new NDIndex(":"), updated);
            }
        });
    }

    /** The gate of every gated weight, by parameter id: {@code active ⊙ (m + imp − stop(imp))}. */
    private Map<String, NDArray> gates() {
        Map<String, NDArray> importance = new LinkedHashMap<>();
        Map<String, NDArray> detached = new LinkedHashMap<>();
        scores.forEach((name, s) -> {
            NDArray imp = rule.importance(s);
            importance.put(name, imp);
            detached.put(name, imp.stopGradient());
        });
        Map<String, NDArray> kept = rule.keep(detached);
        Map<String, NDArray> gates = new HashMap<>();
        // m + (imp − stop(imp)): exactly m forward (x − x is exactly 0), gradient 1 to the importance.
        importance.forEach((name, imp) -> gates.put(ids.get(name),
                kept.get(name).add(imp.sub(detached.get(name))).mul(active.get(name))));
        return gates;
    }
}
