package org.lotterylab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The basic block of a CIFAR-style ResNet (He et al. 2016):
 * {@code relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))}, where the shortcut is the identity,
 * or a strided 1×1 convolution with BatchNorm when the block changes width or resolution.
 *
 * <p>Its layers are named {@code conv1, bn1, conv2, bn2, shortcut.conv, shortcut.bn}.
 */
public final class ResidualBlock extends AbstractBlock {

    private final Block conv1;
    private final Block bn1;
    private final Block conv2;
    private final Block bn2;
    private final Block shortcut;

    /**
     * Creates a block.
     *
     * @param inChannels the input width, to decide whether the shortcut needs a projection
     * @param filters the output width
     * @param stride 2 to halve the resolution, else 1
     */
    public ResidualBlock(int inChannels, int filters, int stride) {
        conv1 = add("conv1", Layers.conv(filters, 3, stride, 1, false));
        bn1 = add("bn1", Layers.batchNorm());
        conv2 = add("conv2", Layers.conv(filters, 3, 1, 1, false));
        bn2 = add("bn2", Layers.batchNorm());
        boolean project = stride != 1 || inChannels != filters;
        shortcut = project
                ? add("shortcut", new NamedSequential()
                        .add("conv", Layers.conv(filters, 1, stride, 0, false))
                        .add("bn", Layers.batchNorm()))
                : null;
    }

    // addChildBlock would prefix a number ("01conv1"); the names are part of the parameter paths.
    private Block add(String name, Block child) {
        children.add(name, child);
        return child;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = Activation.relu(bn1.forward(store, conv1.forward(store, inputs, training), training));
        NDArray main = bn2.forward(store, conv2.forward(store, x, training), training).head();
        NDArray skip = shortcut == null ? inputs.head() : shortcut.forward(store, inputs, training).head();
        return new NDList(Activation.relu(main.add(skip)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv1.initialize(manager, dataType, inputShapes);
        Shape[] hidden = conv1.getOutputShapes(inputShapes);
        bn1.initialize(manager, dataType, hidden);
        conv2.initialize(manager, dataType, hidden);
        bn2.initialize(manager, dataType, conv2.getOutputShapes(hidden));
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv2.getOutputShapes(conv1.getOutputShapes(inputShapes));
    }
}
