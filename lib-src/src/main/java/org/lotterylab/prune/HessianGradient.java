package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.lotterylab.hessian.HvpMethod;
import org.lotterylab.hessian.LossHessian;
import org.lotterylab.nn.Net;

/**
 * The Hessian-gradient product Hg of a loss: the quantity GraSP scores, one {@link LossHessian}
 * product by double backpropagation (exact; the graph it leaks per product is harmless for the
 * one product GraSP needs).
 */
final class HessianGradient {

    private HessianGradient() {}

    /**
     * Returns H·ḡ for the named weights, where ḡ is the loss gradient summed over the batches and
     * H the Hessian of the summed loss, both at the net's weights (which are not modified).
     *
     * @return one tensor per name, on the net's manager
     */
    static Map<String, NDArray> of(Net net, Iterable<Batch> batches, BiFunction<NDList, NDList, NDArray> objective,
            Collection<String> names) {
        List<Batch> all = new ArrayList<>();
        batches.forEach(all::add);
        try (LossHessian hessian = LossHessian.of(net, all, objective, names, HvpMethod.DOUBLE_BACKPROP)) {
            NDArray gradient = hessian.gradient();
            NDArray product = hessian.times(gradient);
            gradient.close();
            return hessian.coordinates().unflatten(product);
        }
    }
}
