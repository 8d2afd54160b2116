package org.lotterylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.LayerForm;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;
import org.lotterylab.train.TinyTask;
import org.opentest4j.AssertionFailedError;

class Float32BoundTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void gammaIsNuOverOneMinusNu() {
        assertEquals(0, Float32Bound.gamma(0));
        assertEquals(0x1p-24 / (1 - 0x1p-24), Float32Bound.gamma(1), 0);
        assertEquals(1000 * 0x1p-24 / (1 - 1000 * 0x1p-24), Float32Bound.gamma(1000), 0);
        assertThrows(IllegalArgumentException.class, () -> Float32Bound.gamma(1L << 23));
        // √n instead of n: far below the worst case for long sums, yet never below one rounding.
        assertTrue(Float32Bound.probabilisticGamma(30_000, 1_000_000) < Float32Bound.gamma(30_000) / 10);
        assertTrue(Float32Bound.probabilisticGamma(1, 1) > Float32Bound.UNIT_ROUNDOFF);
    }

    @Test
    void termsCountTheNonZeroFanInOfEveryLayer() {
        Net lenet = Models.lenet300100(10).initialize(manager, 0);
        assertEquals((784 + 1) + (300 + 1) + (100 + 1), Float32Bound.terms(lenet));
        Net normalised = Models.lenet5(1, 3, LayerForm.NORMALISED).initialize(manager, 0);
        assertEquals(25 + 500 + 800 + 500 + 3 * Float32Bound.BATCH_NORM_TERMS, Float32Bound.terms(normalised));
        // Zeroing half of fc1's inputs for every unit halves its fan-in: the products of zero weights round nothing.
        lenet.parameter("fc1.weight").getArray().set(new NDIndex(":, 0:392"), 0f);
        assertEquals((392 + 1) + (300 + 1) + (100 + 1), Float32Bound.terms(lenet));
        Net tanh = new Net("tanh", new Shape(1, 4), 2, k -> new NamedSequential()
                .add("fc1", Linear.builder().setUnits(3).build()).add(Activation.tanhBlock())
                .add("fc2", Linear.builder().setUnits(k).build())).initialize(manager, 0);
        assertThrows(IllegalArgumentException.class, () -> Float32Bound.terms(tanh));
    }

    @Test
    void magnitudesAreTheForwardPassOnAbsoluteValues() {
        Net linear = new Net("linear", new Shape(1, 1, 1, 3), 2, k -> new NamedSequential()
                .add(Blocks.batchFlattenBlock()).add("fc", Linear.builder().setUnits(k).build())).initialize(manager, 0);
        linear.parameter("fc.weight").getArray().set(new NDIndex(":"), manager.create(new float[] {1, -2, 3, -4, 5, -6}, new Shape(2, 3)));
        linear.parameter("fc.bias").getArray().set(new NDIndex(":"), manager.create(new float[] {-0.5f, 0.25f}));
        NDArray x = manager.create(new float[] {1, -1, 2}, new Shape(1, 1, 1, 3));
        NDArray magnitude = Float32Bound.magnitudes(linear, x);
        assertEquals(DataType.FLOAT64, magnitude.getDataType());
        // |W|·|x| + |b|: 1 + 2 + 6 + 0.5 and 4 + 5 + 12 + 0.25.
        assertEquals(manager.create(new double[] {9.5, 21.25}, new Shape(1, 2)), magnitude);
    }

    @Test
    void everyOutputIsWithinItsMagnitudeThroughBatchNorm() {
        Net net = TinyTask.net().initialize(manager, 0);
        // Statistics far from a reset BatchNorm's, so that μ and σ² matter.
        net.parameter("bn1.runningMean").getArray().set(new NDIndex(":"), manager.randomNormal(new Shape(32)));
        net.parameter("bn1.runningVar").getArray().set(new NDIndex(":"), manager.randomUniform(0.1f, 2, new Shape(32)));
        NDArray x = manager.randomNormal(new Shape(16, 1, 8, 8));
        NDArray y = net.forward(new NDList(x), false).head();
        NDArray magnitude = Float32Bound.magnitudes(net, x);
        NDArray excess = y.toType(DataType.FLOAT64, false).abs()
                .sub(magnitude.mul(1 + Float32Bound.gamma(Float32Bound.terms(net) + 1)));
        assertTrue(excess.max().getDouble() <= 0, "an output exceeds its magnitude by " + excess.max().getDouble());
    }

    @Test
    void assertWithinFailsBeyondTheAllowanceAndOnNaN() {
        NDArray expected = manager.create(new float[] {1, -2, 3});
        NDArray magnitude = manager.create(new double[] {4, 4, 4});
        long terms = 10;
        double allowed = Float32Bound.gamma(terms + 1) * 4;
        Float32Bound.assertWithin(manager.create(new float[] {1, -2, (float) (3 + allowed / 2)}), expected, magnitude, terms, "half");
        assertThrows(AssertionFailedError.class, () -> Float32Bound.assertWithin(
                manager.create(new float[] {1, (float) (-2 + 2 * allowed), 3}), expected, magnitude, terms, "twice"));
        assertThrows(AssertionFailedError.class, () -> Float32Bound.assertWithin(
                manager.create(new float[] {1, Float.NaN, 3}), expected, magnitude, terms, "NaN"));
        assertThrows(AssertionFailedError.class, () -> Float32Bound.assertWithinProbabilisticBound(
                manager.create(new float[] {1.001f, -2, 3}), expected, 1000, "a thousandth"));
    }
}
