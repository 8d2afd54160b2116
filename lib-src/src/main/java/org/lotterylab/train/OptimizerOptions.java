package org.lotterylab.train;

import ai.djl.training.optimizer.Optimizer.OptimizerBuilder;

/** The options every DJL optimizer takes (weight decay, first update count), for the optimizers written here. */
final class OptimizerOptions extends OptimizerBuilder<OptimizerOptions> {

    @Override
    protected OptimizerOptions self() {
        return this;
    }
}
