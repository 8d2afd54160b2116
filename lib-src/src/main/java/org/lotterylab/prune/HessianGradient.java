package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.dataset.Batch;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.lotterylab.nn.Net;

/**
 * The Hessian-gradient product Hg of a loss, by double backpropagation: the quantity GraSP scores.
 *
 * <p>DJL's gradient collector does not keep the graph of a gradient, so this uses the PyTorch
 * engine directly: inside an open collector, {@code JniUtils.backward(loss, 1, keepGraph = true,
 * createGraph = true)} leaves gradients g that are themselves differentiable; a second backward of
 * (g · stop(ḡ)).sum() then adds H·ḡ to them, so H·ḡ = gradient after − gradient before.
 */
final class HessianGradient {

    private HessianGradient() {}

    /**
     * Returns H·ḡ for the named weights, where ḡ is the loss gradient summed over the batches and
     * H the Hessian of the summed loss.
     *
     * <p>The work happens on a copy of the net: the double backward leaves gradients that hold
     * their graph (a reference cycle PyTorch cannot free), and those must never reach the net a
     * trainer will use.
     */
    static Map<String, NDArray> of(Net net, Iterable<Batch> batches, BiFunction<NDList, NDList, NDArray> objective,
            Collection<String> names) {
        NDManager owner = net.manager();
        Map<String, NDArray> product = new LinkedHashMap<>();
        try (NDManager scratch = owner.newSubManager()) {
            Net copy = net.copy(scratch);
            Map<String, NDArray> g = Gradients.sum(copy, batches, objective, names);
            for (Batch batch : batches) {
                Gradients.zero(copy);
                Map<String, NDArray> first = new LinkedHashMap<>();
                try (GradientCollector collector = owner.getEngine().newGradientCollector()) {
                    NDList predictions = copy.forward(Gradients.onDevice(copy, batch.getData()), false);
                    NDArray loss = objective.apply(Gradients.onDevice(copy, batch.getLabels()), predictions);
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), true, true);
                    NDArray dot = null;
                    for (String name : names) {
                        NDArray gradient = copy.parameter(name).getArray().getGradient();
                        first.put(name, gradient.stopGradient().duplicate());
                        NDArray term = gradient.mul(g.get(name)).sum();
                        dot = dot == null ? term : dot.add(term);
                    }
                    JniUtils.backward((PtNDArray) dot, (PtNDArray) dot.onesLike(), false, false);
                }
                for (String name : names) {
                    NDArray hg = copy.parameter(name).getArray().getGradient().stopGradient().sub(first.get(name));
                    product.merge(name, hg, NDArray::add);
                }
            }
            product.values().forEach(p -> p.attach(owner));
        }
        return product;
    }
}
