package org.lotterylab.slth.cnn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;
import org.lotterylab.slth.WeightLayer;

/**
 * A small CNN target for the structured construction: valid d×d convolutions without bias, each
 * followed by ReLU and 2×2 max-pooling, then one fully connected output layer without bias. No
 * biases, as in the paper's CNNs: the construction builds kernels, and a bias would need a
 * constant channel the random source does not have.
 *
 * @param image one input image (channels, height, width)
 * @param kernel d, the side of every convolution kernel
 * @param channels the output channels of each convolution, in forward order
 * @param classes the outputs of the fully connected layer
 */
public record ConvTarget(Shape image, int kernel, List<Integer> channels, int classes) {

    /** Checks that the image survives every convolution and pooling. */
    public ConvTarget {
        channels = List.copyOf(channels);
        if (image.dimension() != 3 || kernel < 1 || channels.isEmpty() || classes < 1) {
            throw new IllegalArgumentException("a target CNN needs a (channels, height, width) image, a kernel ≥ 1, at"
                    + " least one convolution and ≥ 1 class; got " + image + ", " + kernel + ", " + channels + ", " + classes);
        }
        if (reduced(Math.min(image.get(1), image.get(2)), kernel, channels.size()) < 1) {
            throw new IllegalArgumentException("an image of " + image + " is too small for " + channels.size()
                    + " convolutions of " + kernel + "×" + kernel + " with pooling: use fewer layers or a smaller kernel");
        }
    }

    /** The side of a feature map after {@code layers} valid convolutions, each followed by 2×2 pooling. */
    private static long reduced(long side, int kernel, int layers) {
        for (int s = 0; s < layers; s++) {
            side = (side - kernel + 1) / 2;
        }
        return side;
    }

    /** Returns the (channels, height, width) of the feature map that enters the fully connected layer. */
    public Shape features() {
        return new Shape(channels.get(channels.size() - 1), reduced(image.get(1), kernel, channels.size()),
                reduced(image.get(2), kernel, channels.size()));
    }

    /** Returns the number of weight layers ℓ: the convolutions and the output layer. */
    public int depth() {
        return channels.size() + 1;
    }

    /** Returns the target net, uninitialised; its layers are conv1, conv2, ..., fc. */
    public Net net() {
        return new Net("cnn-target", new Shape(1, image.get(0), image.get(1), image.get(2)), classes, outputs -> {
            NamedSequential net = new NamedSequential();
            for (int s = 0; s < channels.size(); s++) {
                net.add("conv" + (s + 1), Conv2d.builder().setFilters(channels.get(s))
                        .setKernelShape(new Shape(kernel, kernel)).optBias(false).build());
                net.add(Activation.reluBlock());
                net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
            net.add(Blocks.batchFlattenBlock());
            return net.add("fc", Linear.builder().setUnits(outputs).optBias(false).build());
        });
    }

    /**
     * Reads the trained weights of a net built by {@link #net()}, one layer per target layer: the
     * convolutions as they are, the output layer as 1×1 kernels over the flattened features (each
     * feature an input channel of its own, so that its subset sums have dimension {@code classes}).
     */
    public List<WeightLayer> layers(Net trained) {
        List<WeightLayer> layers = new ArrayList<>();
        long inputs = image.get(0);
        for (int s = 0; s < channels.size(); s++) {
            layers.add(layer(trained, "conv" + (s + 1), channels.get(s), (int) inputs, kernel));
            inputs = channels.get(s);
        }
        layers.add(layer(trained, "fc", classes, (int) features().size(), 1));
        return layers;
    }

    private static WeightLayer layer(Net net, String name, int outputs, int inputs, int side) {
        float[] values = net.parameter(name + ".weight").getArray().toFloatArray();
        double[] weights = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            weights[i] = values[i];
        }
        return new WeightLayer(outputs, inputs, side, side, weights, new double[outputs]);
    }
}
