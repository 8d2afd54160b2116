package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;

/** One forward+backward pass of a scored net outside training, for tests that look at its gradients. */
public final class GatedPass {

    private GatedPass() {}

    /**
     * Zeroes every gradient (weights, biases, normalisation, scores), then runs the gated net in
     * training mode with softmax cross-entropy and back-propagates: the gradients hold this batch's alone.
     *
     * @param scored the scored net
     * @param batch inputs and integer labels
     */
    public static void backward(ScoredNet scored, Batch batch) {
        for (Parameter p : scored.net().parameters().values()) {
            if (p.requiresGradient()) {
                zero(p.getArray());
            }
        }
        scored.scores().values().forEach(GatedPass::zero);
        try (GradientCollector collector = scored.net().manager().getEngine().newGradientCollector()) {
            NDList outputs = scored.forward(batch.getData(), true);
            collector.backward(Loss.softmaxCrossEntropyLoss().evaluate(batch.getLabels(), outputs));
        }
    }

    private static void zero(NDArray array) {
        try (NDArray gradient = array.getGradient()) {
            gradient.subi(gradient);
        }
    }
}
