package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * Turns a {@link Criterion} into masks: which scope, which layers, how many rounds. Immutable;
 * each option returns a new pruner, so a configuration reads as one line:
 *
 * <pre>{@code
 * Mask next = Prune.magnitude().layerwise().excludingLastLayer().prune(net, mask, 0.2);
 * Mask ticket = Prune.synflow().rounds(100).prune(net, Mask.ones(net), 0.99);
 * }</pre>
 *
 * @param criterion scores the weights
 * @param scope global or layer-wise threshold
 * @param keepFirst whether the first masked layer is left as it is
 * @param keepLast whether the last masked layer (the output layer) is left as it is
 * @param rounds how many times to re-score while pruning, with an exponential schedule
 */
public record Pruner(Criterion criterion, Scope scope, boolean keepFirst, boolean keepLast, int rounds) {

    /** Validates the options. */
    public Pruner {
        if (rounds < 1) {
            throw new IllegalArgumentException("Pruning needs at least one round, got " + rounds);
        }
    }

    /** One threshold over all layers. */
    public Pruner global() {
        return new Pruner(criterion, Scope.GLOBAL, keepFirst, keepLast, rounds);
    }

    /** The same fraction pruned in every layer. */
    public Pruner layerwise() {
        return new Pruner(criterion, Scope.LAYERWISE, keepFirst, keepLast, rounds);
    }

    /** Leaves the first layer dense (or as the current mask has it). */
    public Pruner excludingFirstLayer() {
        return new Pruner(criterion, scope, true, keepLast, rounds);
    }

    /** Leaves the output layer dense (or as the current mask has it). */
    public Pruner excludingLastLayer() {
        return new Pruner(criterion, scope, keepFirst, true, rounds);
    }

    /**
     * Prunes in {@code n} rounds, re-scoring the net after each, so that after round r a fraction
     * 1 − (1 − f)^(r/n) is pruned (SynFlow's exponential schedule); the last round lands exactly
     * on f.
     */
    public Pruner rounds(int n) {
        return new Pruner(criterion, scope, keepFirst, keepLast, n);
    }

    /**
     * Prunes exactly {@code round(fraction × remaining)} of the weights {@code current} keeps
     * (per layer when layer-wise); pruned weights stay pruned. The net's weights are masked as it
     * goes: on return they have the new mask applied.
     *
     * @param net the model, initialised
     * @param current the mask to start from, e.g. {@code Mask.ones(net)}; left unchanged
     * @param fraction the fraction of the remaining weights to prune, in [0, 1)
     * @return the new mask
     * @throws IllegalArgumentException for a fraction outside [0, 1), a mask that does not fit the
     *     net, or no layer left to prune
     */
    public Mask prune(Net net, Mask current, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("The fraction of remaining weights to prune must be in [0, 1), got "
                    + fraction + " (0.2 prunes a fifth of the weights that remain)");
        }
        current.validate(net);
        List<String> targets = targets(current);
        Mask mask = current.with(Map.of());
        for (int r = 1; r <= rounds; r++) {
            double cumulative = r == rounds ? fraction : 1 - Math.pow(1 - fraction, (double) r / rounds);
            Mask next = mask.with(keep(net, mask, current, targets, cumulative));
            mask.close();
            mask = next;
        }
        mask.applyTo(net);
        return mask;
    }

    private List<String> targets(Mask current) {
        List<String> names = new ArrayList<>(current.names());
        if (keepLast) {
            names.remove(names.size() - 1);
        }
        if (keepFirst && !names.isEmpty()) {
            names.remove(0);
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("No layer left to prune: the mask covers " + current.names()
                    + " and the first/last layer is excluded");
        }
        return names;
    }

    private Map<String, NDArray> keep(Net net, Mask mask, Mask start, List<String> targets, double fraction) {
        mask.applyTo(net);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Map<String, NDArray> all = criterion.scores(net, mask);
            Map<String, NDArray> scores = new LinkedHashMap<>();
            for (String name : targets) {
                NDArray m = mask.get(name);
                // Pruned weights must lose every comparison, so they stay pruned.
                NDArray s = all.get(name);
                scores.put(name, NDArrays.where(m.gt(0), s, s.getManager().full(s.getShape(), Float.NEGATIVE_INFINITY)));
            }
            Map<String, NDArray> kept = this.scope.keep(scores, start, fraction);
            kept.values().forEach(NDScope::unregister);
            return kept;
        }
    }
}
