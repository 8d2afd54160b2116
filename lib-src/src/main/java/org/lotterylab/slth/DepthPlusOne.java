package org.lotterylab.slth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Burkholz's L+1 construction: a {@link UnivariateBlock} for the first target layer (ρ copies of
 * each target neuron, plus ρ copies of a constant unit), then one {@link CopyBlock} per deeper
 * target layer, whose weights are plain 1-D subset sums over the ρ copies below. A target of
 * depth L gives a source of depth L+1.
 */
final class DepthPlusOne implements Layering {

    @Override
    public List<SourceLayer> layers(Target target, int rho, SplittableRandom random, SolveLog log) {
        Nonlinearity phi = target.activation();
        List<Stage> stages = target.architecture().stages();
        int depth = target.depth();
        List<SourceLayer> layers = new ArrayList<>(new UnivariateBlock(target.layers().get(0).withConstantUnit(), phi,
                new String[] {"univariate", "layer1"}, rho, rho, false, stages.get(0).pooled(), random).build(log));
        for (int l = 1; l < depth; l++) {
            boolean last = l == depth - 1;
            WeightLayer layer = target.layers().get(l);
            // A hidden layer passes a constant unit on, so that the layer above has its biases too.
            WeightLayer augmented = (last ? layer : layer.withConstantUnit()).withConstantInput(phi.apply(1));
            layers.add(new CopyBlock(augmented, "layer" + (l + 1), rho, last ? 1 : rho, last, stages.get(l).pooled(), random)
                    .build(log));
        }
        return layers;
    }
}
