package org.lotterylab.slth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lotterylab.Float32Bound;

class NonlinearityTest {

    private static final float[] POINTS = {-3f, -0.5f, 0f, 0.25f, 2f};

    @ParameterizedTest
    @EnumSource(Nonlinearity.class)
    void theDjlLayerComputesTheSameFunction(Nonlinearity phi) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = phi.block();
            block.initialize(manager, DataType.FLOAT32, new Shape(POINTS.length));
            float[] djl = block.forward(new ParameterStore(manager, false), new NDList(manager.create(POINTS)), false)
                    .singletonOrThrow().toFloatArray();
            for (int i = 0; i < POINTS.length; i++) {
                float ours = (float) phi.apply(POINTS[i]);
                // Worst is softplus: exp and log1p of ≤ 3.5 ulp (7u) each in PyTorch, 1 rounding of ours: ≤ 15u·max(1, |φ|).
                double allowed = 16 * Float32Bound.UNIT_ROUNDOFF * Math.max(1, Math.abs(ours));
                assertEquals(ours, djl[i], allowed, phi + " at " + POINTS[i]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Nonlinearity.class)
    void theGainAndTheValueAtZeroAreWhatTheConstructionsAssume(Nonlinearity phi) {
        assertEquals(phi.valueAtZero(), phi.apply(0), 1e-12);
        if (phi.positivelyHomogeneous()) {
            assertEquals(phi.gain() * 1.7, phi.apply(1.7) - phi.apply(-1.7), 1e-12);
            assertEquals(3 * phi.apply(-0.4), phi.apply(-1.2), 1e-12);
        } else {
            double h = 1e-5;
            assertEquals(phi.gain(), (phi.apply(h) - phi.apply(-h)) / (2 * h), 1e-6);
        }
    }
}
