package org.lotterylab.bip;

import org.lotterylab.cost.Cost;
import org.lotterylab.prune.Mask;

/**
 * What BiP produced: the final mask (the net's weights are θ with it applied) and the cost.
 *
 * @param mask the mask, an ordinary mask of the pruned net
 * @param cost BiP's own passes and seconds (the pre-training is not included)
 */
public record BipResult(Mask mask, Cost cost) {}
