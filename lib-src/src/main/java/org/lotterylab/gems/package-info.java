/**
 * Rare Gems (Sreenivasan et al. 2022): GEM-MINER, edge-popup, the pruning-at-initialisation
 * baselines and the sanity checks that tell an informative mask from a good layer-wise density.
 *
 * <pre>{@code
 * Mined gem = GemMiner.mine(net, train, GemMinerConfig.of(0.05, 20).withFreezeEvery(2));
 * Ticket ticket = new Ticket(gem.mask(), net.weights(), 0);
 * ticket.applyTo(net);
 * double atInit = Evaluate.accuracy(net, test);            // before any weight training
 * Mask snip = AtInit.prune("snip", baseline, batches, 0.05, 0);
 * }</pre>
 */
package org.lotterylab.gems;
