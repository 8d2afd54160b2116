/**
 * Cost accounting for pruning methods: forward+backward passes and wall-clock seconds, so that a
 * method's accuracy can be weighed against what finding it took (GEM-MINER and BiP claim to be
 * several times cheaper than IMP).
 *
 * <pre>{@code
 * CostMeter meter = new CostMeter();
 * Imp.with(config).listeners(meter).run(net, train, test);
 * meter.total().epochs(batchesPerEpoch);
 * }</pre>
 */
package org.lotterylab.cost;
