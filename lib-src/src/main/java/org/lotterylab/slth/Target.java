package org.lotterylab.slth;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.lotterylab.nn.Net;

/**
 * The weights of a trained (and usually pruned) target network, layer by layer, in the form the
 * constructions read them.
 *
 * <p>The input units of a layer are what the source network copies and approximates: the pixels
 * of a flattened image for a first fully connected layer, channels for a convolution, and the
 * channels of the last feature map for a fully connected layer after convolutions (whose weights
 * then form one kernel as large as that feature map).
 *
 * @param architecture the target's architecture
 * @param layers one weight layer per stage, in forward order
 */
public record Target(Architecture architecture, List<WeightLayer> layers) {

    /** Checks that there is one layer per stage. */
    public Target {
        layers = List.copyOf(layers);
        if (layers.size() != architecture.stages().size()) {
            throw new IllegalArgumentException("a target needs one weight layer per stage: " + layers.size()
                    + " layers for " + architecture.stages().size() + " stages");
        }
    }

    /**
     * Reads the weights of a net built by {@code architecture.net()}.
     *
     * @throws IllegalArgumentException if the net lacks one of the architecture's layers
     */
    public static Target read(Architecture architecture, Net net) {
        long channels = architecture.image().get(0);
        long height = architecture.image().get(1);
        long width = architecture.image().get(2);
        if (architecture.flattensInput()) {
            channels *= height * width;
            height = 1;
            width = 1;
        }
        List<WeightLayer> layers = new ArrayList<>();
        for (Stage stage : architecture.stages()) {
            int kernelHeight = stage.convolution() ? stage.kernel() : (int) height;
            int kernelWidth = stage.convolution() ? stage.kernel() : (int) width;
            layers.add(new WeightLayer(stage.units(), (int) channels, kernelHeight, kernelWidth,
                    doubles(net.parameter(stage.name() + ".weight").getArray()),
                    doubles(net.parameter(stage.name() + ".bias").getArray())));
            channels = stage.units();
            height = stage.convolution() ? pooled(height - stage.kernel() + 1, stage) : 1;
            width = stage.convolution() ? pooled(width - stage.kernel() + 1, stage) : 1;
        }
        return new Target(architecture, layers);
    }

    private static long pooled(long size, Stage stage) {
        return stage.pooled() ? size / 2 : size;
    }

    private static double[] doubles(NDArray array) {
        float[] values = array.toFloatArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** Returns the activation between layers. */
    public Nonlinearity activation() {
        return architecture.activation();
    }

    /** Returns the number of weight layers L. */
    public int depth() {
        return layers.size();
    }

    /** Returns the number of non-zero weights. */
    public long nonZero() {
        return layers.stream().mapToLong(WeightLayer::nonZero).sum();
    }
}
