package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDScope;
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
 * Mask lenet = Prune.magnitude().layerwise().lastLayerAt(0.5).prune(net, mask, 0.2);   // Frankle & Carbin
 * }</pre>
 *
 * @param criterion scores the weights
 * @param scope global or layer-wise threshold
 * @param keepFirst whether the net's first prunable layer is left as it is
 * @param lastLayerRate how fast the net's output layer ({@link Net#outputLayer()}) is pruned
 *     relative to the others, in [0, 1]: 1 ranks it with the others, 0 leaves it as it is, a rate in
 *     between prunes it on its own at that multiple of the fraction; no effect on a net whose output
 *     layer is not prunable
 * @param rounds how many times to re-score while pruning, with an exponential schedule
 */
public record Pruner(Criterion criterion, Scope scope, boolean keepFirst, double lastLayerRate, int rounds) {

    /** Validates the options. */
    public Pruner {
        if (rounds < 1) {
            throw new IllegalArgumentException("Pruning needs at least one round, got " + rounds);
        }
        if (!(lastLayerRate >= 0 && lastLayerRate <= 1)) {
            throw new IllegalArgumentException("The last layer's relative pruning rate must lie in [0, 1], got "
                    + lastLayerRate + " (1 = like the other layers, 0.5 = half as fast, 0 = not pruned)");
        }
    }

    /** One threshold over all layers. */
    public Pruner global() {
        return new Pruner(criterion, Scope.GLOBAL, keepFirst, lastLayerRate, rounds);
    }

    /** The same fraction pruned in every layer. */
    public Pruner layerwise() {
        return new Pruner(criterion, Scope.LAYERWISE, keepFirst, lastLayerRate, rounds);
    }

    /** Leaves the first layer dense (or as the current mask has it). */
    public Pruner excludingFirstLayer() {
        return new Pruner(criterion, scope, true, lastLayerRate, rounds);
    }

    /** Leaves the output layer dense (or as the current mask has it): {@code lastLayerAt(0)}. */
    public Pruner excludingLastLayer() {
        return lastLayerAt(0);
    }

    /**
     * Prunes the output layer at {@code rate} times the fraction of the other layers, ranked on its
     * own. Frankle &amp; Carbin prune the output layers of LeNet and the Conv nets at half the rate
     * (0.5): the small layer every prediction passes through would otherwise empty first.
     *
     * @param rate in [0, 1]: 1 (the default) treats it like any other layer, 0 leaves it alone
     */
    public Pruner lastLayerAt(double rate) {
        return new Pruner(criterion, scope, keepFirst, rate, rounds);
    }

    /**
     * Prunes in {@code n} rounds, re-scoring the net after each, so that after round r a fraction
     * 1 − (1 − f)^(r/n) is pruned (SynFlow's exponential schedule); the last round lands exactly
     * on f.
     */
    public Pruner rounds(int n) {
        return new Pruner(criterion, scope, keepFirst, lastLayerRate, n);
    }

    /**
     * Prunes exactly {@code round(fraction × remaining)} of the weights {@code current} keeps
     * (per layer when layer-wise; {@code round(lastLayerRate × fraction × remaining)} of the output
     * layer when its rate is below 1); pruned weights stay pruned. The net's weights are masked as
     * it goes: on return they have the new mask applied.
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
        Map<List<String>, Double> groups = groups(net, current, fraction);
        Mask mask = current.with(Map.of());
        for (int r = 1; r <= rounds; r++) {
            Mask next = mask.with(keep(net, mask, current, groups, r));
            mask.close();
            mask = next;
        }
        mask.applyTo(net);
        return mask;
    }

    /** The layers ranked together, each group with the fraction of its remaining weights it loses. */
    private Map<List<String>, Double> groups(Net net, Mask current, double fraction) {
        // The net, not the mask, says which layers come first and last: a mask's order is its maker's.
        String first = net.prunableNames().get(0);
        String last = net.outputLayer();
        boolean lastApart = lastLayerRate < 1 && current.names().contains(last) && !(keepFirst && last.equals(first));
        List<String> together = current.names().stream()
                .filter(name -> !(keepFirst && name.equals(first)) && !(lastApart && name.equals(last)))
                .toList();
        Map<List<String>, Double> groups = new LinkedHashMap<>();
        if (!together.isEmpty()) {
            groups.put(together, fraction);
        }
        if (lastApart && lastLayerRate > 0) {
            groups.put(List.of(last), lastLayerRate * fraction);
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("No layer left to prune: the mask covers " + current.names()
                    + " and the first/last layer is excluded");
        }
        return groups;
    }

    private Map<String, NDArray> keep(Net net, Mask mask, Mask start, Map<List<String>, Double> groups, int round) {
        mask.applyTo(net);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Map<String, NDArray> all = criterion.scores(net, mask);
            Map<String, NDArray> kept = new LinkedHashMap<>();
            groups.forEach((names, fraction) -> {
                Map<String, NDArray> scores = new LinkedHashMap<>();
                for (String name : names) {
                    NDArray m = mask.get(name);
                    // Pruned weights must lose every comparison, so they stay pruned.
                    NDArray s = all.get(name);
                    scores.put(name, NDArrays.where(m.gt(0), s, s.getManager().full(s.getShape(), Float.NEGATIVE_INFINITY)));
                }
                kept.putAll(this.scope.keep(scores, start, cumulative(fraction, round)));
            });
            kept.values().forEach(NDScope::unregister);
            return kept;
        }
    }

    /** The share of the starting weights pruned after round {@code round}; the last round lands exactly on it. */
    private double cumulative(double fraction, int round) {
        return round == rounds ? fraction : 1 - Math.pow(1 - fraction, (double) round / rounds);
    }
}
