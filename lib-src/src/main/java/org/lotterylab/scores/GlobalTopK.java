package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.lotterylab.prune.Scope;

/**
 * Keeps exactly {@code k = round(density × all weights)} weights, those of highest |s| over all
 * layers at once: the projection of BiP's mask step (and of Hydra), so the mask has exactly k ones
 * whatever the scores. Selects as a global pruner does ({@link Scope#GLOBAL}).
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
        return Scope.GLOBAL.top(importance, Densities.kept(density));
    }
}
