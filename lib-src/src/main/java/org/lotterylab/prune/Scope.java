package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Where the pruning threshold is drawn: over all layers at once, or separately in each layer.
 *
 * <p>A pruner with either scope prunes exactly {@code round(fraction × remaining)} weights of the
 * remaining ones (per layer for {@link #LAYERWISE}), lowest scores first. The score-gated rules of
 * {@code org.lotterylab.scores} ({@code GlobalTopK}, {@code LayerTopK}) select through
 * {@link #top} too, so a pruner and a rule given the same scores and counts keep the same weights.
 */
public enum Scope {

    /** One threshold over all scored layers: layers with low scores lose more weights. */
    GLOBAL {
        @Override
        List<Map<String, NDArray>> groups(Map<String, NDArray> scores) {
            return List.of(scores);
        }
    },

    /** The same fraction pruned in every layer. */
    LAYERWISE {
        @Override
        List<Map<String, NDArray>> groups(Map<String, NDArray> scores) {
            return scores.entrySet().stream().map(e -> Map.of(e.getKey(), e.getValue())).toList();
        }
    };

    /** The layers ranked together, each group in the scores' order. */
    abstract List<Map<String, NDArray>> groups(Map<String, NDArray> scores);

    /**
     * Marks the highest scores of every group of layers this scope ranks together (all layers, or
     * each layer alone), by {@link Ranking#top(Map, long)}.
     *
     * @param scores per layer, higher is kept
     * @param count how many weights a group keeps, given the group's scores
     * @return float 0/1 tensors shaped like the scores, in their order
     */
    public Map<String, NDArray> top(Map<String, NDArray> scores, ToLongFunction<Map<String, NDArray>> count) {
        return top(scores, count, Ties.BY_POSITION);
    }

    /**
     * {@link #top(Map, ToLongFunction)} with a tie rule: {@code ties} chooses among equal scores at
     * each group's threshold ({@link Ranking#top(Map, long, Ties)}).
     *
     * @param scores per layer, higher is kept
     * @param count how many weights a group keeps, given the group's scores
     * @param ties how tied scores at a threshold are chosen
     * @return float 0/1 tensors shaped like the scores, in their order
     */
    public Map<String, NDArray> top(Map<String, NDArray> scores, ToLongFunction<Map<String, NDArray>> count, Ties ties) {
        Map<String, NDArray> kept = new LinkedHashMap<>();
        groups(scores).forEach(group -> kept.putAll(Ranking.top(group, count.applyAsLong(group), ties)));
        return kept;
    }

    /**
     * Returns the 0/1 tensors that keep the best-scored weights after pruning {@code fraction} of
     * the weights {@code start} keeps in the scored layers.
     *
     * @param scores per layer, higher is better; weights already pruned must score −∞
     */
    Map<String, NDArray> keep(Map<String, NDArray> scores, Mask start, double fraction) {
        return top(scores, group -> {
            long alive = group.keySet().stream().mapToLong(start::remaining).sum();
            return alive - Math.round(fraction * alive);
        });
    }
}
