package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The objective's loss as the trainer knows it, computed once per step.
 *
 * <p>DJL's evaluator listener reports the training loss by evaluating the loss again on the step's
 * predictions; on LeNet-300-100 at batch 60 that second softmax cross-entropy was a twentieth of a
 * step. The loop computes the step's loss through {@link #ofStep}, and the listener, handed the same
 * predictions, gets that value back. Any other predictions (an evaluation) are evaluated as usual.
 */
final class StepLoss extends Loss {

    private final Loss loss;
    private NDList stepPredictions;
    private NDArray stepValue;

    StepLoss(Loss loss) {
        super(loss.getName());
        this.loss = loss;
    }

    /** Computes the loss of a training step and keeps it until {@link #forget} (the step's end). */
    NDArray ofStep(NDList labels, NDList predictions) {
        stepValue = loss.evaluate(labels, predictions);
        stepPredictions = predictions;
        return stepValue;
    }

    /** Lets go of the step's arrays, which the step's scope frees. */
    void forget() {
        stepPredictions = null;
        stepValue = null;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return predictions == stepPredictions ? stepValue : loss.evaluate(labels, predictions);
    }
}
