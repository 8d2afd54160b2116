package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.lotterylab.prune.Ranking;
import org.lotterylab.prune.Scope;
import org.lotterylab.prune.TieCount;
import org.lotterylab.prune.Ties;

/**
 * Keeps exactly {@code k = round(density × all weights)} weights, those of highest |s| over all
 * layers at once: the projection of BiP's mask step (and of Hydra), so the mask has exactly k ones
 * whatever the scores. Selects as a global pruner does ({@link Scope#GLOBAL}); {@code ties} chooses
 * among equal scores at the threshold (GEM-MINER's clamped scores tie in bulk).
 *
 * @param density the fraction of all gated weights kept, in (0, 1]
 * @param ties how equal scores at the threshold are chosen
 */
public record GlobalTopK(double density, Ties ties) implements MaskRule {

    /** Validates the density. */
    public GlobalTopK {
        Densities.require(density);
    }

    /** @param density the fraction of all gated weights kept, ties broken by position */
    public GlobalTopK(double density) {
        this(density, Ties.BY_POSITION);
    }

    @Override
    public Map<String, NDArray> keep(Map<String, NDArray> importance) {
        return Scope.GLOBAL.top(importance, Densities.kept(density), ties);
    }

    /**
     * @param importance as for {@link #keep}
     * @return how many importances tie at this rule's threshold and how the tie rules share them out
     */
    public TieCount tieCount(Map<String, NDArray> importance) {
        return Ranking.ties(importance, Densities.kept(density).applyAsLong(importance), ties);
    }
}
