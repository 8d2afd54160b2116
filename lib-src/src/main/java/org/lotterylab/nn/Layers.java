package org.lotterylab.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/** The few layer shapes the model zoo is made of, so that {@link Models} reads like a table. */
final class Layers {

    private Layers() {}

    /** A square convolution with stride 1 and the given padding. */
    static Conv2d conv(int filters, int kernel, int padding, boolean bias) {
        return conv(filters, kernel, 1, padding, bias);
    }

    /** A square convolution. */
    static Conv2d conv(int filters, int kernel, int stride, int padding, boolean bias) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(bias)
                .build();
    }

    /** A fully connected layer with a bias; its input size is inferred at initialisation. */
    static Linear linear(long units) {
        return linear(units, true);
    }

    /** A fully connected layer; its input size is inferred at initialisation. */
    static Linear linear(long units, boolean bias) {
        return Linear.builder().setUnits(units).optBias(bias).build();
    }

    /** BatchNorm over the channel axis of an N×C×H×W batch, with a learnt scale and shift. */
    static BatchNorm batchNorm() {
        return batchNorm(true);
    }

    /** BatchNorm over the channel axis of an N×C×H×W batch; without affine parameters it only standardises. */
    static BatchNorm batchNorm(boolean affine) {
        return BatchNorm.builder().optCenter(affine).optScale(affine).build();
    }

    /** 2×2 max pooling with stride 2. */
    static Block maxPool() {
        return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
    }
}
