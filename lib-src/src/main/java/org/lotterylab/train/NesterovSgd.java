package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.Tracker;

/**
 * SGD with Nesterov momentum, as PyTorch defines it: {@code v ← μv + g; w ← w − lr·(g + μv)},
 * with {@code g} including L2 weight decay.
 *
 * <p>DJL's own {@code Nag} optimizer is not implemented by its PyTorch engine (it throws), so the
 * update is written here with in-place array operations; temporaries are closed at once because
 * they belong to the long-lived manager of the weights.
 */
final class NesterovSgd extends MomentumSgd {

    NesterovSgd(Tracker learningRate, float momentum, float weightDecay, int beginIteration) {
        super(learningRate, momentum, weightDecay, beginIteration);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float rate = rate(parameterId);
        NDArray velocity = velocity(parameterId, weight);
        try (NDArray step = grad.mul(rescaleGrad); NDArray decay = weight.mul(getWeightDecay())) {
            step.addi(decay);
            velocity.muli(momentum).addi(step);
            try (NDArray lookAhead = velocity.mul(momentum)) {
                step.addi(lookAhead);
            }
            weight.subi(step.muli(rate));
        }
    }
}
