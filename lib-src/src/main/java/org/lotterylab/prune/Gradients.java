package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.dataset.Batch;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.lotterylab.nn.Net;
import org.lotterylab.nn.ZeroGradient;

/** Gradients of a loss with respect to named weights, batch by batch: what SNIP and Taylor score. */
final class Gradients {

    private Gradients() {}

    /**
     * Calls {@code each} with the gradient of {@code objective(labels, predictions)} on each batch
     * (evaluation mode, so BatchNorm statistics stay as they are). Gradients are zeroed before and
     * after each batch, so a later training step starts clean.
     *
     * @throws IllegalArgumentException if there is no batch
     */
    static void perBatch(Net net, Iterable<Batch> batches, BiFunction<NDList, NDList, NDArray> objective,
            Collection<String> names, Consumer<Map<String, NDArray>> each) {
        int seen = 0;
        for (Batch batch : batches) {
            zero(net);
            try (GradientCollector collector = net.manager().getEngine().newGradientCollector()) {
                NDList predictions = net.forward(onDevice(net, batch.getData()), false);
                collector.backward(objective.apply(onDevice(net, batch.getLabels()), predictions));
            }
            Map<String, NDArray> gradients = new LinkedHashMap<>();
            names.forEach(n -> gradients.put(n, net.parameter(n).getArray().getGradient().duplicate()));
            zero(net);
            each.accept(gradients);
            seen++;
        }
        if (seen == 0) {
            throw new IllegalArgumentException("This pruning criterion needs data: pass at least one batch");
        }
    }

    /** Returns the gradient of the objective summed over the batches. */
    static Map<String, NDArray> sum(Net net, Iterable<Batch> batches, BiFunction<NDList, NDList, NDArray> objective,
            Collection<String> names) {
        Map<String, NDArray> total = new LinkedHashMap<>();
        perBatch(net, batches, objective, names, g -> g.forEach((n, v) -> total.merge(n, v, NDArray::add)));
        return total;
    }

    static NDList onDevice(Net net, NDList arrays) {
        return arrays.toDevice(net.manager().getDevice(), false);
    }

    /** Zeroes every gradient of the net, not only the scored ones, so no trainer sees stale ones. */
    static void zero(Net net) {
        for (Parameter parameter : net.parameters().values()) {
            if (parameter.requiresGradient()) {
                ZeroGradient.of(parameter.getArray());
            }
        }
    }
}
