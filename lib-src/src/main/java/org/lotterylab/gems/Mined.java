package org.lotterylab.gems;

import java.util.List;
import org.lotterylab.cost.Cost;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.TieCount;

/**
 * What a mask search found on frozen weights: the mask, the mask of the score-inversion sanity
 * check (as many weights, the least important ones), what the search cost, and how many of its
 * global selections were left to the tie rule.
 *
 * @param mask the mask found, an ordinary mask of the searched net
 * @param inverted the same number of weights picked from the lowest scores
 * @param cost the search's passes and seconds
 * @param freezeTies the ties at each freezing step, in order (GEM-MINER; empty for a search that does not freeze)
 * @param inversionTies the ties among the lowest scores when the inverted mask was picked ({@link TieCount#none()}
 *     where the inversion is not one global selection)
 */
public record Mined(Mask mask, Mask inverted, Cost cost, List<TieCount> freezeTies, TieCount inversionTies) {

    /** Copies the list. */
    public Mined {
        freezeTies = List.copyOf(freezeTies);
    }

    /**
     * A search without freezing steps or a global inversion (edge-popup's per-layer top-k).
     *
     * @param mask the mask found
     * @param inverted the inverted mask
     * @param cost the search's cost
     */
    public Mined(Mask mask, Mask inverted, Cost cost) {
        this(mask, inverted, cost, List.of(), TieCount.none());
    }
}
