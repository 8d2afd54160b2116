package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.prune.Ranking;

/**
 * Keeps exactly {@code k = round(density × all weights)} weights, those of highest |s| over all
 * layers at once: the projection of BiP's mask step (and of Hydra), so the mask has exactly k ones
 * whatever the scores.
 *
 * @param density the fraction of all gated weights kept, in (0, 1]
 */
public record GlobalTopK(double density) implements MaskRule {

    /** Validates the density. */
    public GlobalTopK {
        Densities.require(density);
    }

    @Override
    public Map<String, NDArray> keep(Map<String, NDArray> importance) {
        NDArray all = NDArrays.concat(new NDList(importance.values().stream().map(NDArray::flatten).toArray(NDArray[]::new)));
        NDArray kept = Ranking.top(all, Math.round(density * all.size()));
        Map<String, NDArray> masks = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, NDArray> e : importance.entrySet()) {
            long size = e.getValue().size();
            masks.put(e.getKey(), kept.get(offset + ":" + (offset + size)).reshape(e.getValue().getShape()));
            offset += size;
        }
        return masks;
    }
}
