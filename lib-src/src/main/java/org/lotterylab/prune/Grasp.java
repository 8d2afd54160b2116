package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * GraSP (Wang et al. 2020): keep the weights that preserve gradient flow. GraSP removes the
 * weights with the largest −w ⊙ Hg, so the score (higher is kept) is w ⊙ Hg, with g the loss
 * gradient and H the Hessian, on logits divided by a temperature (200 in the paper) to keep the
 * softmax from saturating. Needs the PyTorch engine (see {@link HessianGradient}).
 *
 * @param batches one or a few batches of training data
 * @param loss the training loss, e.g. {@code Loss.softmaxCrossEntropyLoss()}
 * @param temperature the logits' divisor
 */
public record Grasp(Iterable<Batch> batches, Loss loss, float temperature) implements Criterion {

    @Override
    public Map<String, NDArray> scores(Net net, Mask mask) {
        Map<String, NDArray> hg = HessianGradient.of(net, batches,
                (labels, logits) -> loss.evaluate(labels, new NDList(logits.head().div(temperature))), mask.names());
        Map<String, NDArray> scores = new LinkedHashMap<>();
        hg.forEach((name, h) -> scores.put(name, h.mul(net.parameter(name).getArray())));
        return scores;
    }
}
