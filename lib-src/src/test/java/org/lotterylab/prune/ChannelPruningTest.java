package org.lotterylab.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.Float32Bound;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;

class ChannelPruningTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void slimNetIsSmallerAndComputesWhatTheMaskedOriginalComputes() {
        Net net = TinyNets.conv().initialize(manager, 0);
        Net slim = Prune.filters(Norm.L1).prune(net, 0.5);
        assertEquals(new Shape(2, 1, 3, 3), slim.parameter("conv1.weight").getArray().getShape());
        assertEquals(new Shape(3, 2, 3, 3), slim.parameter("conv2.weight").getArray().getShape());
        assertTrue(slim.parameterCount() < net.parameterCount());

        long[] removed = zeroWeakestFilters(net, "conv1", 2);
        // conv2 reads nothing from removed channels; zeroing them makes its filter norms the slim net's.
        for (long channel : removed) {
            net.parameter("conv2.weight").getArray().set(new NDIndex(":, {}", channel), 0);
        }
        zeroWeakestFilters(net, "conv2", 3);
        NDList x = new NDList(manager.randomNormal(new Shape(5, 1, 8, 8)));
        NDArray expected = net.forward(x, false).head();
        NDArray actual = slim.forward(x, false).head();
        // Zeroed filters contribute exact zeros: one function in exact arithmetic, so only the rounding of each pass differs.
        Float32Bound.assertWithinProbabilisticBound(actual, expected, Float32Bound.terms(net) + Float32Bound.terms(slim),
                "the slim net against the masked original");
    }

    /** Zeroes the weights and bias of the {@code count} filters with the smallest L1 norm; returns them. */
    private static long[] zeroWeakestFilters(Net net, String layer, int count) {
        NDArray weight = net.parameter(layer + ".weight").getArray();
        NDArray bias = net.parameter(layer + ".bias").getArray();
        long[] weakest = Norm.L1.ofFilters(weight).argSort().toLongArray();
        for (int i = 0; i < count; i++) {
            weight.set(new NDIndex(weakest[i]), 0);
            bias.set(new NDIndex(weakest[i]), 0);
        }
        return Arrays.copyOf(weakest, count);
    }

    @Test
    void batchNormChannelsAreSlicedWithTheirConvolution() {
        Net net = Models.vgg(1, 10).initialize(manager, 0);
        Net slim = Prune.filters(Norm.L2).prune(net, 0.5);
        assertEquals(new Shape(16), slim.parameter("bn1.gamma").getArray().getShape());
        assertEquals(new Shape(10, 64), slim.parameter("fc.weight").getArray().getShape());
        NDList out = slim.forward(new NDList(manager.ones(new Shape(2, 1, 28, 28))), false);
        assertEquals(new Shape(2, 10), out.head().getShape());
        assertEquals(10, slim.withOutputClasses(10).classes());
    }

    @Test
    void residualNetsAndBadFractionsAreRejected() {
        Net resnet = Models.resnet20(1, 10).initialize(manager, 0);
        assertFalse(ChannelPruning.supports(resnet));
        assertTrue(ChannelPruning.supports(Models.vgg(1, 10).initialize(manager, 0)));
        var e = assertThrows(IllegalArgumentException.class, () -> Prune.filters(Norm.L1).prune(resnet, 0.5));
        assertTrue(e.getMessage().contains("stage1"), e.getMessage());
        Net net = TinyNets.conv().initialize(manager, 0);
        assertThrows(IllegalArgumentException.class, () -> Prune.filters(Norm.L1).prune(net, 1.0));
    }
}
