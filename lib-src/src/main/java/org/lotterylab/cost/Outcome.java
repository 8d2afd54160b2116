package org.lotterylab.cost;

/**
 * One row of a method comparison: what a pruning method found at a density, how accurate it was
 * before and after weight training, and what it cost. A plain record, so that notebooks store it
 * with their runs and reload it instead of recomputing.
 *
 * @param method the method, e.g. {@code "GEM-MINER"}
 * @param variant {@code "original"}, or the sanity check applied to the method's mask
 * @param density the fraction of prunable weights kept, in (0, 1]
 * @param accuracyAtInit test accuracy of the masked net before any weight training (NaN when not measured)
 * @param accuracy test accuracy after training the weights under the mask
 * @param cost finding the mask plus training it
 */
public record Outcome(String method, String variant, double density, double accuracyAtInit, double accuracy,
        Cost cost) {}
