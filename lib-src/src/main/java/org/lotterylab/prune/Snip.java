package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * SNIP (Lee et al. 2019): connection sensitivity |w ⊙ ∂L/∂w|, with the gradient of the loss
 * summed over the given batches, usually at initialisation.
 *
 * @param batches one or a few batches of training data
 * @param loss the training loss, e.g. {@code Loss.softmaxCrossEntropyLoss()}
 */
public record Snip(Iterable<Batch> batches, Loss loss) implements Criterion {

    @Override
    public Map<String, NDArray> scores(Net net, Mask mask) {
        Map<String, NDArray> gradients = Gradients.sum(net, batches, loss::evaluate, mask.names());
        Map<String, NDArray> scores = new LinkedHashMap<>();
        gradients.forEach((name, g) -> scores.put(name, g.mul(net.parameter(name).getArray()).abs()));
        return scores;
    }
}
