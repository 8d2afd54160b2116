package org.lotterylab.slth;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;

/**
 * A target network for the constructions: a stack of {@link Stage}s with one activation between
 * them and none after the last (the logits). It builds the ordinary {@link Net} that is trained
 * and pruned, and says how the constructions read that net's weights ({@link Target#read}).
 *
 * <pre>{@code
 * Architecture mlp = Architecture.mlp(Nonlinearity.TANH, new Shape(1, 14, 14), 10, 32, 32);
 * Net net = mlp.net().initialize(manager, 0);
 * }</pre>
 *
 * @param name a short name, e.g. "mlp"
 * @param image the shape of one input image (channels, height, width)
 * @param activation the activation after every layer but the last
 * @param stages the weight layers in forward order; the last one is the output layer
 */
public record Architecture(String name, Shape image, Nonlinearity activation, List<Stage> stages) {

    /** Checks that the stack ends with a fully connected output and that convolutions come first. */
    public Architecture {
        stages = List.copyOf(stages);
        if (image.dimension() != 3 || stages.size() < 2 || stages.get(stages.size() - 1).convolution()) {
            throw new IllegalArgumentException("an architecture needs a (channels, height, width) image and at least"
                    + " two layers, the last fully connected; got " + image + " and " + stages);
        }
        for (int s = 1; s < stages.size(); s++) {
            if (stages.get(s).convolution() && !stages.get(s - 1).convolution()) {
                throw new IllegalArgumentException("convolutions must come before the fully connected layers: " + stages);
            }
        }
    }

    /** A fully connected network on the flattened image: hidden layers, then {@code classes} logits. */
    public static Architecture mlp(Nonlinearity activation, Shape image, int classes, int... hidden) {
        List<Stage> stages = new ArrayList<>();
        for (int h = 0; h < hidden.length; h++) {
            stages.add(Stage.dense("fc" + (h + 1), hidden[h]));
        }
        stages.add(Stage.dense("fc" + (hidden.length + 1), classes));
        return new Architecture("mlp", image, activation, stages);
    }

    /** Valid convolutions, each followed by 2×2 max-pooling, then one fully connected output layer. */
    public static Architecture cnn(Nonlinearity activation, Shape image, int classes, int kernel, int... filters) {
        List<Stage> stages = new ArrayList<>();
        for (int f = 0; f < filters.length; f++) {
            stages.add(Stage.conv("conv" + (f + 1), filters[f], kernel));
        }
        stages.add(Stage.dense("fc", classes));
        return new Architecture("cnn", image, activation, stages);
    }

    /** Returns whether the first layer is fully connected, so that every pixel is an input unit of its own. */
    public boolean flattensInput() {
        return !stages.get(0).convolution();
    }

    /** Returns the number of output classes. */
    public int classes() {
        return stages.get(stages.size() - 1).units();
    }

    /** Returns a name with the activation, e.g. "mlp-tanh". */
    public String label() {
        return name + "-" + activation.name().toLowerCase().replace('_', '-');
    }

    /** Returns the target net, uninitialised. */
    public Net net() {
        return new Net(label(), new Shape(1, image.get(0), image.get(1), image.get(2)), classes(), classes -> {
            NamedSequential net = new NamedSequential();
            for (int s = 0; s < stages.size(); s++) {
                Stage stage = stages.get(s);
                if (!stage.convolution() && (s == 0 || stages.get(s - 1).convolution())) {
                    net.add(Blocks.batchFlattenBlock());
                }
                net.add(stage.name(), stage.convolution()
                        ? Conv2d.builder().setFilters(stage.units()).setKernelShape(new Shape(stage.kernel(), stage.kernel())).build()
                        : Linear.builder().setUnits(stage.units()).build());
                if (s < stages.size() - 1) {
                    net.add(activation.block());
                }
                if (stage.pooled()) {
                    net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
                }
            }
            return net;
        });
    }
}
