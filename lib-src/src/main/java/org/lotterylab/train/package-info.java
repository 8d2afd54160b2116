/**
 * Training that honours masks, on DJL's {@link ai.djl.training.Trainer}.
 *
 * <pre>{@code
 * var config = TrainingConfig.defaults().withEpochs(10).withOptimizer(OptimizerKind.ADAM, 1.2e-3);
 * TrainingHistory history = Training.with(config).masked(mask).fit(net, trainSet, testSet);
 * history.bestIteration();     // the lottery-ticket "early-stopping iteration"
 * }</pre>
 */
package org.lotterylab.train;
