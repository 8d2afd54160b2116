package org.lotterylab.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SGD, with or without heavy-ball momentum, computing exactly what DJL's {@code Sgd} computes in
 * the same order: {@code g ← lr·(g + λw); v ← μv + g; w ← w − v} (without momentum
 * {@code w ← w − g}). The same seed gives the same weights as DJL's optimizer.
 *
 * <p>Why not DJL's own: its PyTorch engine clones each gradient and passes over it and the weight
 * seven times per update (decay and clipping included when they are off); on LeNet-300-100 at
 * batch 60 that was a fifth of a training step. Here the gradient is scaled in place (the loop
 * zeroes it before the next pass anyway, as DJL's optimizer does after its update), so an update
 * is four in-place operations and allocates nothing.
 */
final class HeavyBallSgd extends Optimizer {

    private final Tracker learningRate;
    private final float momentum;
    private final Map<String, Map<Device, NDArray>> velocities = new ConcurrentHashMap<>();

    HeavyBallSgd(Tracker learningRate, float momentum, float weightDecay, int beginIteration) {
        super(new OptimizerOptions().optWeightDecays(weightDecay).optBeginNumUpdate(beginIteration));
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float rate = learningRate.getNewValue(parameterId, updateCount(parameterId));
        if (rescaleGrad != 1) {
            grad.muli(rescaleGrad);
        }
        if (getWeightDecay() != 0) {
            try (NDArray decay = weight.mul(getWeightDecay())) {
                grad.addi(decay);
            }
        }
        grad.muli(rate);
        if (momentum == 0) {
            weight.subi(grad);
        } else {
            NDArray velocity = withDefaultState(velocities, parameterId, weight.getDevice(), id -> weight.zerosLike());
            weight.subi(velocity.muli(momentum).addi(grad));
        }
        grad.subi(grad);
    }
}
