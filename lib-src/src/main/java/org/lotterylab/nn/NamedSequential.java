package org.lotterylab.nn;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

/**
 * A {@link SequentialBlock} whose layers keep the names they are given ("conv1", "fc2").
 *
 * <p>DJL numbers the children of a sequential block ("01Linear"), which makes parameter names
 * depend on the position of parameter-free layers such as ReLU or pooling. Naming the layers that
 * own parameters gives {@link Net} stable, readable names like {@code conv1.weight}; layers
 * without parameters can still be added with {@link #add(Block)}.
 */
public class NamedSequential extends SequentialBlock {

    /**
     * Appends a named layer.
     *
     * @param name the layer's name, unique in this block and free of dots (dots join the path)
     * @param block the layer
     * @return this block, for chaining
     * @throws IllegalArgumentException if the name is taken or contains a dot
     */
    public NamedSequential add(String name, Block block) {
        if (name.contains(".") || children.contains(name)) {
            throw new IllegalArgumentException(
                    "Layer name '" + name + "' is taken or contains a dot; give each layer a unique plain name");
        }
        children.add(name, block);
        return this;
    }

    @Override
    public NamedSequential add(Block block) {
        super.add(block);
        return this;
    }
}
