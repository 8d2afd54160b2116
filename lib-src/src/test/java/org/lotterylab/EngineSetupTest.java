package org.lotterylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

class EngineSetupTest {

    @Test
    void afterSetUpConvolutionsAreRightAndAlgorithmsDeterministic() {
        EngineSetup.State state = EngineSetup.ensure();
        assertTrue(state.deterministic(), state.toString());
        assertTrue(PyTorchContext.ofLoadedLibrary().deterministicAlgorithms());
        assertEquals(state.oneDnn(), PyTorchContext.ofLoadedLibrary().oneDnnEnabled());
        assertEquals(java.util.Optional.empty(), ConvolutionCheck.run(), "convolutions as the lab set them up");
        assertTrue(state.oneDnn() || state.note().contains("oneDNN's convolution is wrong"), state.note());
    }

    @Test
    void theBoundAcceptsRoundingAndCatchesMore() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray exact = manager.create(new double[] {1.0, -2.0, 3.0});
            NDArray magnitude = manager.create(new double[] {4.0, 4.0, 4.0});
            double gamma = 1e-6;
            NDArray rounded = manager.create(new float[] {1.0f + 3e-6f, -2.0f, 3.0f});
            assertTrue(ConvolutionCheck.withinBound(rounded, exact, magnitude, gamma));
            NDArray wrong = manager.create(new float[] {1.0f, -2.0f + 1e-5f, 3.0f});
            assertFalse(ConvolutionCheck.withinBound(wrong, exact, magnitude, gamma));
            assertEquals(DataType.FLOAT64, exact.getDataType());
        }
    }
}
