package org.lotterylab.hessian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.Float32Bound;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;

class SpectraTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void theFullDecompositionFindsTheKnownEigenpairs() {
        double[] eigenvalues = {3, -1, 0.5, 0, 2, 0.25};
        MatrixOperator a = new MatrixOperator(eigenvalues, 1);
        try (Spectrum s = Spectra.full(a, manager)) {
            assertTrue(s.isComplete());
            assertArrayEquals(new double[] {-1, 0, 0.25, 0.5, 2, 3}, s.values(), 1e-10);
            assertEquals(6, a.products());
            // The vectors are stored in float32: each entry of a unit vector moves by ≤ u relative, ‖δv‖ ≤ u, so
            // ‖A·v − λ·v‖ = ‖(A − λ)·δv‖ ≤ u·(largest − smallest λ); γ(2) leaves a u for EJML's float64 rounding.
            double spread = 3 - (-1);
            for (int i = 0; i < s.count(); i++) {
                NDArray v = s.vectors().get(new NDIndex(i)).toType(DataType.FLOAT64, false);
                NDArray residual = a.times(v).sub(v.mul(s.values()[i]));
                assertEquals(0, residual.norm().getDouble(), spread * Float32Bound.gamma(2), "eigenpair " + i);
                assertEquals(1, v.norm().getDouble(), Float32Bound.gamma(2));
            }
        }
    }

    @Test
    void lanczosFindsTheExtremeEigenvaluesOfANetsHessian() {
        // 4×4 inputs, 8 hidden units, 3 classes: 152 weights, small enough for the full spectrum.
        Net net = Models.mlp(1, 4, 4, 8, 3).initialize(manager, 2);
        var batch = TinyProblems.batch(manager, net, 64, 3);
        try (LossHessian h = LossHessian.of(net, List.of(batch));
                Spectrum full = Spectra.full(h, manager);
                Spectrum ritz = Spectra.lanczos(h, 40, 4, manager)) {
            assertEquals(152, full.count());
            assertEquals(40, ritz.count());
            assertTrue(!ritz.isComplete());
            double radius = Math.max(Math.abs(full.values()[0]), Math.abs(full.values()[151]));
            for (SpectrumEnd end : SpectrumEnd.values()) {
                double[] exact = full.valuesFrom(end);
                double[] approximate = ritz.valuesFrom(end);
                assertTrue(ritz.convergedFrom(end, 1e-3) >= 3, end + " end: too few converged Ritz values");
                for (int k = 0; k < 3; k++) {
                    assertEquals(exact[k], approximate[k], 1e-3 * radius, end + " end, eigenvalue " + k);
                }
            }
        }
    }

    @Test
    void lanczosOnAnInvariantSubspaceStopsEarlyAndIsExact() {
        double[] eigenvalues = {1, 1, 1, 5, 5, 5, 5, 5};
        MatrixOperator a = new MatrixOperator(eigenvalues, 2);
        try (Spectrum s = Spectra.lanczos(a, 8, 0, manager)) {
            // Two distinct eigenvalues: the Krylov space has dimension 2.
            assertEquals(2, s.count());
            assertArrayEquals(new double[] {1, 5}, s.values(), 1e-8);
        }
    }

    @Test
    void tooLargeForAFullDecompositionSaysWhatToUse() {
        SymmetricOperator huge = new SymmetricOperator() {
            @Override
            public long dimension() {
                return 1_000_000;
            }

            @Override
            public NDArray times(NDArray v) {
                throw new AssertionError("no product should be computed");
            }
        };
        var e = assertThrows(IllegalArgumentException.class, () -> Spectra.full(huge, manager));
        assertTrue(e.getMessage().contains("lanczos"), e.getMessage());
    }
}
