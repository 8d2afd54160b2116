package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * SynFlow (Tanaka et al. 2020), data-free: the synaptic flow |θ ⊙ ∂R/∂θ| of R = sum of the outputs
 * of the linearised network (every parameter replaced by its absolute value) on an all-ones
 * input. Its point is to be applied iteratively ({@code Prune.synflow()} prunes in 100 rounds),
 * which avoids layer collapse. Parameters get their signs back afterwards; BatchNorm runs in
 * evaluation mode. Scores are computed in float32 (the paper uses float64), which suffices for
 * the depths of this model zoo.
 */
public final class SynFlow implements Criterion {

    @Override
    public Map<String, NDArray> scores(Net net, Mask mask) {
        Map<String, NDArray> signs = new LinkedHashMap<>();
        net.parameters().forEach((name, p) -> {
            signs.put(name, p.getArray().sign());
            // |θ| = θ ⊙ sign(θ); multiplying by the sign again restores θ exactly.
            p.getArray().muli(signs.get(name));
        });
        try {
            Map<String, NDArray> scores = new LinkedHashMap<>();
            Gradients.zero(net);
            try (GradientCollector collector = net.manager().getEngine().newGradientCollector()) {
                NDArray ones = net.manager().ones(net.inputShape());
                collector.backward(net.forward(new NDList(ones), false).head().sum());
            }
            for (String name : mask.names()) {
                NDArray weight = net.parameter(name).getArray();
                scores.put(name, weight.getGradient().mul(weight).abs());
            }
            Gradients.zero(net);
            return scores;
        } finally {
            net.parameters().forEach((name, p) -> p.getArray().muli(signs.get(name)));
        }
    }
}
