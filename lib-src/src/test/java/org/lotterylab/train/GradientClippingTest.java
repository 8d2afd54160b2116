package org.lotterylab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    /** A few float32 roundings of a value near 1: one division, one multiplication, the sums of squares. */
    private static final double FLOAT_TOLERANCE = 8 * Math.ulp(1f);

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** Arrays (3, 4) and (12) whose gradients are themselves: global norm 13. */
    private Map<String, NDArray> withGradients() {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        arrays.put("a", manager.create(new float[] {3, 4}));
        arrays.put("b", manager.create(new float[] {12}));
        arrays.values().forEach(array -> array.setRequiresGradient(true));
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            // ½‖x‖² has gradient x.
            NDArray loss = arrays.values().stream().map(x -> x.square().sum()).reduce(NDArray::add).orElseThrow().div(2);
            collector.backward(loss);
        }
        return arrays;
    }

    @Test
    void scalesTheGlobalNormDownToTheBoundAndKeepsTheDirection() {
        Map<String, NDArray> arrays = withGradients();
        new GradientClipping(1).apply(arrays);
        float[] a = arrays.get("a").getGradient().toFloatArray();
        float[] b = arrays.get("b").getGradient().toFloatArray();
        assertEquals(3 / 13.0, a[0], FLOAT_TOLERANCE);
        assertEquals(4 / 13.0, a[1], FLOAT_TOLERANCE);
        assertEquals(12 / 13.0, b[0], FLOAT_TOLERANCE);
        assertEquals(1, Math.sqrt(a[0] * a[0] + a[1] * a[1] + b[0] * b[0]), FLOAT_TOLERANCE);
    }

    @Test
    void refusesGradientsWhoseNormIsNotFinite() {
        Map<String, NDArray> arrays = withGradients();
        arrays.get("b").getGradient().muli(Float.POSITIVE_INFINITY);
        assertThrows(NonFiniteGradientException.class, () -> new GradientClipping(1).apply(arrays));
    }

    @Test
    void leavesGradientsWithinTheBoundAsTheyAre() {
        Map<String, NDArray> arrays = withGradients();
        new GradientClipping(13.5f).apply(arrays);
        assertArrayEquals(new float[] {3, 4}, arrays.get("a").getGradient().toFloatArray());
        assertArrayEquals(new float[] {12}, arrays.get("b").getGradient().toFloatArray());
    }
}
