package org.lotterylab.slth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The classic 2L construction (Pensia et al. 2020, Malach et al. 2020), generalised to the same
 * activations: every target layer becomes a {@link UnivariateBlock} — a univariate layer that
 * spreads each input over its own random neurons, then one neuron per target neuron whose weights
 * are subset sums of products of two uniforms. A target of depth L gives a source of depth 2L.
 */
final class TwiceDepth implements Layering {

    @Override
    public List<SourceLayer> layers(Target target, int rho, SplittableRandom random, SolveLog log) {
        List<Stage> stages = target.architecture().stages();
        List<SourceLayer> layers = new ArrayList<>();
        for (int l = 0; l < target.depth(); l++) {
            String[] names = {"univariate" + (l + 1), "layer" + (l + 1)};
            layers.addAll(new UnivariateBlock(target.layers().get(l), target.activation(), names, 1, rho,
                    l == target.depth() - 1, stages.get(l).pooled(), random).build(log));
        }
        return layers;
    }
}
