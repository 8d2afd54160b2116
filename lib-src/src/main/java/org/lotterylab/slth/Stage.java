package org.lotterylab.slth;

/**
 * One weight layer of a target {@link Architecture}: a valid (unpadded, stride 1) square
 * convolution or a fully connected layer, optionally followed by 2×2 max-pooling.
 *
 * @param name the layer's name in the net, e.g. "conv1"
 * @param convolution true for a convolution, false for a fully connected layer
 * @param units output channels or units
 * @param kernel the kernel size of a convolution (1 for a fully connected layer)
 * @param pooled whether 2×2 max-pooling follows the activation
 */
public record Stage(String name, boolean convolution, int units, int kernel, boolean pooled) {

    /** Checks the sizes. */
    public Stage {
        if (units < 1 || kernel < 1 || (!convolution && kernel != 1)) {
            throw new IllegalArgumentException("stage " + name + " needs units ≥ 1 and a kernel ≥ 1 (1 when fully"
                    + " connected), got " + units + " and " + kernel);
        }
    }

    /** A convolution with {@code filters} square kernels, then pooling. */
    public static Stage conv(String name, int filters, int kernel) {
        return new Stage(name, true, filters, kernel, true);
    }

    /** A fully connected layer. */
    public static Stage dense(String name, int units) {
        return new Stage(name, false, units, 1, false);
    }
}
