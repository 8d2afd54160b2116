package org.lotterylab.gems;

import org.lotterylab.cost.Cost;
import org.lotterylab.prune.Mask;

/**
 * What a mask search found on frozen weights: the mask, the mask of the score-inversion sanity
 * check (as many weights, the least important ones), and what the search cost.
 *
 * @param mask the mask found, an ordinary mask of the searched net
 * @param inverted the same number of weights picked from the lowest scores
 * @param cost the search's passes and seconds
 */
public record Mined(Mask mask, Mask inverted, Cost cost) {}
