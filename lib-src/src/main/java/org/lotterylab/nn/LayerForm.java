package org.lotterylab.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;

/**
 * How the hidden layers of the plain stacks of {@link Models} (LeNet-5, Conv-2/4/6) are built.
 *
 * <p>{@link #PLAIN} is the form of the lottery-ticket papers: biases, no normalisation.
 * {@link #NORMALISED} is the form of the mask-search papers (GEM-MINER, edge-popup, BiP): no biases
 * and a BatchNorm without affine parameters after every hidden layer, named {@code bn1},
 * {@code bn2}, … in forward order. Why: when the weights are frozen and a mask keeps 1% of a layer's
 * inputs, nothing else restores the scale of the layer's output, and the logits of a very sparse
 * net shrink until the loss's gradient vanishes. The prunable weights have the same names and
 * shapes in both forms.
 */
public enum LayerForm {

    /** Biases, no normalisation. */
    PLAIN,

    /** No biases; a non-affine BatchNorm after every hidden layer. */
    NORMALISED;

    /** @return whether convolutions and linear layers have biases */
    boolean bias() {
        return this == PLAIN;
    }

    /** @param name the plain model's name @return the name of this form of the model */
    String name(String name) {
        return this == PLAIN ? name : name + "-bn";
    }

    /** A fresh stack that adds hidden layers in this form. */
    Stack stack() {
        return new Stack(this);
    }

    /** A {@link NamedSequential} being built, which numbers its BatchNorm layers. */
    static final class Stack {

        private final LayerForm form;
        private final NamedSequential net = new NamedSequential();
        private int norms;

        private Stack(LayerForm form) {
            this.form = form;
        }

        /** Adds a weighted hidden layer, its BatchNorm in the normalised form, and a ReLU. */
        Stack hidden(String name, Block layer) {
            net.add(name, layer);
            if (form == NORMALISED) {
                net.add("bn" + ++norms, Layers.batchNorm(false));
            }
            net.add(Activation.reluBlock());
            return this;
        }

        /** Adds a parameter-free layer (pooling, flattening). */
        Stack then(Block block) {
            net.add(block);
            return this;
        }

        /** Adds the output layer and returns the finished stack. */
        NamedSequential output(String name, Block layer) {
            return net.add(name, layer);
        }
    }
}
