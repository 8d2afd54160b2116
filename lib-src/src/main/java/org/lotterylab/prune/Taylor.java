package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * First-order Taylor importance (Molchanov et al. 2017): the estimated change of the loss when a
 * weight is removed, |w ⊙ ∂L/∂w|, summed over batches. Unlike {@link Snip}, which takes the
 * gradient of the summed loss, the absolute value is taken per batch, so weights whose effect
 * changes sign between batches still count.
 *
 * @param batches the batches to sum over
 * @param loss the training loss, e.g. {@code Loss.softmaxCrossEntropyLoss()}
 */
public record Taylor(Iterable<Batch> batches, Loss loss) implements Criterion {

    @Override
    public Map<String, NDArray> scores(Net net, Mask mask) {
        Map<String, NDArray> scores = new LinkedHashMap<>();
        Gradients.perBatch(net, batches, loss::evaluate, mask.names(), gradients -> gradients.forEach(
                (name, g) -> scores.merge(name, g.mul(net.parameter(name).getArray()).abs(), NDArray::add)));
        return scores;
    }
}
