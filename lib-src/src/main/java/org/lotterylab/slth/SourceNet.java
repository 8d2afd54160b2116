package org.lotterylab.slth;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;

/**
 * Turns the pruned source layers of a construction into an ordinary {@link Net} and {@link Mask}.
 *
 * <p>Every source layer is a convolution (1×1 for fully connected and univariate layers): a
 * fully connected target on flattened pixels sees its input reshaped to (N, pixels, 1, 1), and
 * the logits come out flattened to (N, classes), so the source takes the same images and gives
 * the same outputs as its target.
 */
final class SourceNet {

    private SourceNet() {}

    /** Builds the net on a manager of its own under {@code manager}, loads the weights and applies the mask. */
    static Constructed assemble(String method, Target target, List<SourceLayer> layers, SolveLog log,
            NDManager manager) {
        Architecture architecture = target.architecture();
        Shape image = architecture.image();
        Net net = new Net(architecture.label() + "-" + method, new Shape(1, image.get(0), image.get(1), image.get(2)),
                architecture.classes(), classes -> block(architecture, layers));
        net.initialize(manager.newSubManager(), 0);
        NDManager owner = net.manager();
        Map<String, NDArray> values = new LinkedHashMap<>();
        Map<String, NDArray> keep = new LinkedHashMap<>();
        long kept = 0;
        long total = 0;
        for (SourceLayer layer : layers) {
            Shape shape = new Shape(layer.outputs, layer.inputs, layer.height, layer.width);
            values.put(layer.name + ".weight", owner.create(layer.weights, shape));
            values.put(layer.name + ".bias", owner.create(layer.biases));
            keep.put(layer.name + ".weight", owner.create(layer.keep, shape));
            kept += layer.kept();
            total += layer.weights.length;
        }
        net.load(values);
        values.values().forEach(NDArray::close);
        Mask mask = Mask.of(keep);
        mask.applyTo(net);
        return new Constructed(method, net, mask, layers.size(), kept, total, log.tally().count(),
                log.tally().failed(), log.tally().maxError(), log.tally().seconds(), log.firstDrawMisses(), log.redrawnWeights());
    }

    private static NamedSequential block(Architecture architecture, List<SourceLayer> layers) {
        NamedSequential net = new NamedSequential();
        if (architecture.flattensInput()) {
            net.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, architecture.image().size(), 1, 1))));
        }
        for (SourceLayer layer : layers) {
            net.add(layer.name, Conv2d.builder().setFilters(layer.outputs)
                    .setKernelShape(new Shape(layer.height, layer.width)).build());
            if (layer.activated) {
                net.add(architecture.activation().block());
            }
            if (layer.pooled) {
                net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
        }
        return net.add(Blocks.batchFlattenBlock());
    }
}
