package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the pruning threshold is drawn: over all layers at once, or separately in each layer.
 *
 * <p>Both prune exactly {@code round(fraction × remaining)} weights of the remaining ones (per
 * layer for {@link #LAYERWISE}), lowest scores first.
 */
public enum Scope {

    /** One threshold over all scored layers: layers with low scores lose more weights. */
    GLOBAL {
        @Override
        Map<String, NDArray> keep(Map<String, NDArray> scores, Mask start, double fraction) {
            long alive = scores.keySet().stream().mapToLong(start::remaining).sum();
            NDList flat = new NDList();
            scores.values().forEach(s -> flat.add(s.flatten()));
            NDArray kept = Ranking.top(NDArrays.concat(flat), alive - Math.round(fraction * alive));
            Map<String, NDArray> result = new LinkedHashMap<>();
            long offset = 0;
            for (Map.Entry<String, NDArray> e : scores.entrySet()) {
                long size = e.getValue().size();
                result.put(e.getKey(), kept.get(offset + ":" + (offset + size)).reshape(e.getValue().getShape()));
                offset += size;
            }
            return result;
        }
    },

    /** The same fraction pruned in every layer. */
    LAYERWISE {
        @Override
        Map<String, NDArray> keep(Map<String, NDArray> scores, Mask start, double fraction) {
            Map<String, NDArray> result = new LinkedHashMap<>();
            scores.forEach((name, s) -> {
                long alive = start.remaining(name);
                NDArray kept = Ranking.top(s.flatten(), alive - Math.round(fraction * alive));
                result.put(name, kept.reshape(s.getShape()));
            });
            return result;
        }
    };

    /**
     * Returns the 0/1 tensors that keep the best-scored weights after pruning {@code fraction} of
     * the weights {@code start} keeps in the scored layers.
     *
     * @param scores per layer, higher is better; weights already pruned must score −∞
     */
    abstract Map<String, NDArray> keep(Map<String, NDArray> scores, Mask start, double fraction);
}
