package org.lotterylab.slth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {

    private static List<int[]> shapes(Target target) {
        return target.layers().stream().map(l -> new int[] {l.outputs(), l.inputs(), l.height(), l.width()}).toList();
    }

    @Test
    void anMlpReadsEveryPixelAsAnInputUnit() {
        Architecture mlp = Architecture.mlp(Nonlinearity.TANH, new Shape(1, 14, 14), 10, 32, 16);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<int[]> shapes = shapes(Target.read(mlp, mlp.net().initialize(manager, 0)));
            assertArrayEquals(new int[] {32, 196, 1, 1}, shapes.get(0));
            assertArrayEquals(new int[] {16, 32, 1, 1}, shapes.get(1));
            assertArrayEquals(new int[] {10, 16, 1, 1}, shapes.get(2));
        }
    }

    @Test
    void aLinearLayerAfterConvolutionsIsAKernelOverTheLastFeatureMap() {
        Architecture cnn = Architecture.cnn(Nonlinearity.RELU, new Shape(1, 14, 14), 10, 3, 8, 8);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<int[]> shapes = shapes(Target.read(cnn, cnn.net().initialize(manager, 0)));
            assertArrayEquals(new int[] {8, 1, 3, 3}, shapes.get(0));
            assertArrayEquals(new int[] {8, 8, 3, 3}, shapes.get(1));
            assertArrayEquals(new int[] {10, 8, 2, 2}, shapes.get(2));   // 14 → 12 → 6 → 4 → 2
        }
    }

    @Test
    void biasesMoveOntoAConstantInputAndAConstantUnitHasPreActivationOne() {
        WeightLayer layer = new WeightLayer(2, 1, 1, 2, new double[] {1, 2, 3, 4}, new double[] {0.5, -1});
        WeightLayer constant = layer.withConstantUnit();
        assertEquals(3, constant.outputs());
        assertArrayEquals(new double[] {0.5, -1, 1}, constant.biases());
        assertArrayEquals(new double[] {0, 0}, new double[] {constant.weight(2, 0, 0), constant.weight(2, 0, 1)});
        WeightLayer moved = constant.withConstantInput(0.5);
        assertEquals(2, moved.inputs());
        assertArrayEquals(new double[] {0, 0, 0}, moved.biases());
        assertArrayEquals(new double[] {1, -2, 2}, new double[] {moved.weight(0, 1, 0), moved.weight(1, 1, 0), moved.weight(2, 1, 0)});
        assertEquals(0, moved.weight(0, 1, 1));
        assertEquals(4, moved.weight(1, 0, 1));
    }

    @Test
    void termsCountTheNonZeroWeightsAndBiasOfTheBusiestOutput() {
        WeightLayer layer = new WeightLayer(2, 2, 1, 1, new double[] {0, 2, 0, 0}, new double[] {0.5, -1});
        assertEquals(2, layer.terms(), "output 0: one weight and a bias; output 1: no weight, a bias");
        assertEquals(2, layer.withConstantInput(1).terms(), "the bias moved onto the constant input is still a term");
        assertEquals(1, new WeightLayer(1, 1, 1, 1, new double[] {0}, new double[] {0}).terms(), "never below one");
    }

    @Test
    void convolutionsAfterAFullyConnectedLayerAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Architecture("bad", new Shape(1, 8, 8), Nonlinearity.RELU,
                List.of(Stage.dense("fc1", 4), Stage.conv("conv", 2, 3), Stage.dense("fc2", 2))));
    }
}
