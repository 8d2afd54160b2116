package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.lotterylab.prune.Scope;

/**
 * Keeps exactly {@code round(density × size)} weights of every layer, those of highest |s|:
 * edge-popup's rule (Ramanujan et al. 2020), which fixes each layer's density in advance. Selects
 * as a layer-wise pruner does ({@link Scope#LAYERWISE}).
 *
 * @param density the fraction of each layer's weights kept, in (0, 1]
 */
public record LayerTopK(double density) implements MaskRule {

    /** Validates the density. */
    public LayerTopK {
        Densities.require(density);
    }

    @Override
    public Map<String, NDArray> keep(Map<String, NDArray> importance) {
        return Scope.LAYERWISE.top(importance, Densities.kept(density));
    }
}
