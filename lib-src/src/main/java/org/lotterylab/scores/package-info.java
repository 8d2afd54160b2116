/**
 * Score-gated networks: every convolution and linear weight computes as {@code w ⊙ m(s)}, with a
 * mask made from learnable scores by a {@link org.lotterylab.scores.MaskRule} (threshold,
 * per-layer or global top-k, filter-wise top-k) and a straight-through gradient to the scores.
 * The methods that learn masks (GEM-MINER, edge-popup, BiP) are built from these pieces.
 *
 * <pre>{@code
 * ScoredNet scored = ScoredNet.of(net, new GlobalTopK(0.1), ScoreInit.WEIGHTS, 0);
 * Training.with(config).minimising(scored.objective()).updating(scored.scoreUpdates()).fit(net, train);
 * Mask mask = scored.mask();   // an ordinary mask of the ordinary net
 * }</pre>
 */
package org.lotterylab.scores;
