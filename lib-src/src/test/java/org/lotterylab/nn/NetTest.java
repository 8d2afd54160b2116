package org.lotterylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.XavierInitializer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    /** The sample standard deviation of a layer's 235,200 weights (784 × 300). */
    private static double std(Net net, String layer) {
        NDArray w = net.parameter(layer).getArray();
        return Math.sqrt(w.sub(w.mean()).pow(2).mean().getFloat());
    }

    @Test
    void defaultWeightsAreHeNormalAndGlorotNormalCanBeAsked() {
        Net defaults = Models.lenet300100(10).initialize(manager, 0);
        Net glorot = Models.lenet300100(10).withWeightInitializer(new XavierInitializer(
                XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.AVG, 1)).initialize(manager, 0);
        // The standard deviation estimated from n = 235,200 normal draws has a relative standard error
        // of 1/√(2n) ≈ 0.15%: 1% is about 7 of them.
        assertEquals(Math.sqrt(2.0 / 784), std(defaults, "fc1.weight"), 0.01 * Math.sqrt(2.0 / 784));
        assertEquals(Math.sqrt(2.0 / (784 + 300)), std(glorot, "fc1.weight"), 0.01 * Math.sqrt(2.0 / (784 + 300)));
        assertEquals(0f, glorot.parameter("fc1.bias").getArray().abs().max().getFloat(), "biases stay zero");
        Net reinitialised = glorot.withOutputClasses(26);
        assertEquals(Math.sqrt(2.0 / (100 + 26)), std(reinitialised, "fc3.weight"), 0.15 * Math.sqrt(2.0 / (100 + 26)),
                "a new head keeps the initializer (2,600 draws: 15% is about 10 standard errors)");
        assertThrows(IllegalStateException.class, () -> defaults.withWeightInitializer(new XavierInitializer()));
    }

    @Test
    void namesPrunableWeightsInForwardOrder() {
        Net net = Models.lenet300100(10);
        assertEquals(List.of("fc1.weight", "fc2.weight", "fc3.weight"), net.prunableNames());
        assertEquals("fc3.weight", net.outputLayer());
        assertTrue(net.parameters().containsKey("fc1.bias"));
    }

    @Test
    void resnetPrunesConvolutionsShortcutsAndHeadButNotBatchNorm() {
        Net net = Models.resnet20(3, 7);
        // stem + 9 blocks × 2 convolutions + 2 projection shortcuts + fc
        assertEquals(22, net.prunableNames().size());
        assertTrue(net.prunableNames().contains("stage2.block1.shortcut.conv.weight"));
        assertTrue(net.prunableNames().stream().noneMatch(n -> n.contains("bn")));
        assertEquals("fc.weight", net.outputLayer());
    }

    @Test
    void sameSeedGivesSameWeightsAndAnotherSeedDifferentOnes() {
        Net a = Models.lenet5(1, 10).initialize(manager, 3);
        Net b = Models.lenet5(1, 10).initialize(manager, 3);
        Net c = Models.lenet5(1, 10).initialize(manager, 4);
        for (String name : a.parameters().keySet()) {
            assertTrue(a.parameter(name).getArray().contentEquals(b.parameter(name).getArray()), name);
        }
        assertFalse(a.parameter("conv1.weight").getArray().contentEquals(c.parameter("conv1.weight").getArray()));
    }

    @Test
    void reinitialisingWithTheSameSeedRestoresTheWeights() {
        Net net = Models.lenet300100(10).initialize(manager, 5);
        NDArray before = net.parameter("fc1.weight").getArray().duplicate();
        net.initialize(manager, 6).initialize(manager, 5);
        assertTrue(before.contentEquals(net.parameter("fc1.weight").getArray()));
    }

    @Test
    void outputLayerCanBeReplacedKeepingTheTrunk() {
        Net net = Models.lenet300100(10).initialize(manager, 1);
        Net other = net.withOutputClasses(3);
        assertEquals(new Shape(3, 100), other.parameter("fc3.weight").getArray().getShape());
        assertTrue(net.parameter("fc1.weight").getArray().contentEquals(other.parameter("fc1.weight").getArray()));
        NDList out = other.forward(new NDList(manager.ones(new Shape(2, 1, 28, 28))), false);
        assertEquals(new Shape(2, 3), out.head().getShape());
    }

    @Test
    void copyHasIndependentWeights() {
        Net net = Models.lenet300100(10).initialize(manager, 1);
        Net copy = net.copy(manager);
        assertTrue(net.parameter("fc2.weight").getArray().contentEquals(copy.parameter("fc2.weight").getArray()));
        copy.parameter("fc2.weight").getArray().muli(0);
        assertTrue(net.parameter("fc2.weight").getArray().abs().sum().getFloat() > 0);
    }

    @Test
    void snapshotRewindsWeights() {
        Net net = Models.lenet300100(10).initialize(manager, 1);
        Map<String, NDArray> init = net.weights();
        net.parameter("fc1.weight").getArray().addi(1);
        net.load(init);
        assertTrue(init.get("fc1.weight").contentEquals(net.parameter("fc1.weight").getArray()));
    }

    @Test
    void loadingAWrongShapeNamesTheParameterAndBothShapes() {
        Net net = Models.lenet300100(10).initialize(manager, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> net.load(Map.of("fc3.weight", manager.zeros(new Shape(5, 100)))));
        assertTrue(e.getMessage().contains("fc3.weight") && e.getMessage().contains("(10, 100)")
                && e.getMessage().contains("(5, 100)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.parameter("fc9.weight"));
    }

    @Test
    void everyRegisteredModelMapsImagesToClassScores() {
        Models.REGISTRY.forEach((name, factory) -> {
            try (NDManager scope = manager.newSubManager()) {
                Net net = factory.apply(2, 4).initialize(scope, 0);
                NDList out = net.forward(new NDList(scope.randomUniform(0, 1, new Shape(1, 2, 28, 28))), false);
                assertEquals(new Shape(1, 4), out.head().getShape(), name);
                assertEquals(new Shape(1, 2, 28, 28), net.inputShape(), name);
            }
        });
    }

    @Test
    void lenet5HasTheLayerSizesOfThePaper() {
        Net net = Models.lenet5(1, 10).initialize(manager, 0);
        assertEquals(new Shape(20, 1, 5, 5), net.parameter("conv1.weight").getArray().getShape());
        assertEquals(new Shape(50, 20, 5, 5), net.parameter("conv2.weight").getArray().getShape());
        assertEquals(new Shape(500, 800), net.parameter("fc1.weight").getArray().getShape());
    }

    @Test
    void unknownModelNameListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Models.create("alexnet", 1, 10));
        assertTrue(e.getMessage().contains("lenet300100"), e.getMessage());
    }
}
