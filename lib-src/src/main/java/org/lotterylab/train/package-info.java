/**
 * The library's one training loop, on DJL's {@link ai.djl.training.Trainer}: it honours masks, and
 * every method plugs into it with hooks ({@link org.lotterylab.train.Objective},
 * {@link org.lotterylab.train.Updates}, {@link org.lotterylab.train.GradientTransform},
 * {@link org.lotterylab.train.AfterStep}, DJL listeners) instead of a loop of its own.
 *
 * <pre>{@code
 * var config = TrainingConfig.defaults().withEpochs(10).withOptimizer(OptimizerKind.ADAM, 1.2e-3);
 * TrainingHistory history = Training.with(config).masked(mask).fit(net, trainSet, testSet);
 * history.bestIteration();     // the lottery-ticket "early-stopping iteration"
 * }</pre>
 */
package org.lotterylab.train;
