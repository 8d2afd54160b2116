package org.lotterylab.prune;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.util.List;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;

/** Networks and data small enough for fast tests. */
final class TinyNets {

    private TinyNets() {}

    /** conv1 4@3×3, pool, conv2 6@3×3, fc 3 on 1×8×8 images. */
    static Net conv() {
        return new Net("tiny-conv", new Shape(1, 1, 8, 8), 3, k -> new NamedSequential()
                .add("conv1", conv(4)).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add("conv2", conv(6)).add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add("fc", Linear.builder().setUnits(k).build()));
    }

    /** fc1 6, tanh, fc2 3 on 1×2×2 inputs: a smooth loss for finite differences. */
    static Net mlp() {
        return new Net("tiny-mlp", new Shape(1, 1, 2, 2), 3, k -> new NamedSequential()
                .add(Blocks.batchFlattenBlock())
                .add("fc1", Linear.builder().setUnits(6).build()).add(Activation.tanhBlock())
                .add("fc2", Linear.builder().setUnits(k).build()));
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1)).build();
    }

    /** One batch of {@code n} random inputs for {@code net} with labels 0..2. */
    static List<Batch> batch(NDManager manager, Net net, int n, long seed) {
        manager.getEngine().setRandomSeed((int) seed);
        Shape one = net.inputShape();
        NDList data = new NDList(manager.randomNormal(new Shape(n).addAll(one.slice(1))));
        NDList labels = new NDList(manager.randomInteger(0, 3, new Shape(n), DataType.INT64));
        return List.of(new Batch(manager, data, labels, n, Batchifier.STACK, Batchifier.STACK, 0, 1));
    }
}
