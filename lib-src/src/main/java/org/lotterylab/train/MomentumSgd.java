package org.lotterylab.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the library's SGD optimizers share: a learning-rate schedule, a momentum and one velocity
 * per parameter, created at its first update. Each subclass writes its update rule with in-place
 * array operations and leaves emptying the gradient to the training loop, which zeroes every
 * gradient before each backward pass (PyTorch's adds into it): DJL's own optimizers empty it after
 * their update as well, one more pass over every gradient per step.
 */
abstract class MomentumSgd extends Optimizer {

    private final Tracker learningRate;
    private final Map<String, Map<Device, NDArray>> velocities = new ConcurrentHashMap<>();
    /** The momentum μ. */
    protected final float momentum;

    MomentumSgd(Tracker learningRate, float momentum, float weightDecay, int beginIteration) {
        super(new OptimizerOptions().optWeightDecays(weightDecay).optBeginNumUpdate(beginIteration));
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    /** @return the learning rate of this update of the parameter, counting the update */
    protected final float rate(String parameterId) {
        return learningRate.getNewValue(parameterId, updateCount(parameterId));
    }

    /** @return the parameter's velocity, zero at its first update */
    protected final NDArray velocity(String parameterId, NDArray weight) {
        return withDefaultState(velocities, parameterId, weight.getDevice(), id -> weight.zerosLike());
    }
}
