package org.lotterylab.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GapRuleTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void theRulePicksTheKnownDimensionOfASyntheticSpectrum() {
        // Four slow modes, a gap of 1.0, three fast modes with a gap of 2.0 below the top one.
        double[] eigenvalues = {0.05, 0.10, 0.15, 0.20, 1.20, 1.30, 3.30};
        try (Spectrum s = Spectra.full(new MatrixOperator(eigenvalues, 3), manager)) {
            assertEquals(OptionalInt.of(4), new GapRule(SpectrumEnd.SLOW, 0.5).dimension(s, 1e-3));
            assertEquals(OptionalInt.of(1), new GapRule(SpectrumEnd.FAST, 0.5).dimension(s, 1e-3));
            assertEquals(OptionalInt.of(6), new GapRule(SpectrumEnd.SLOW, 1.5).dimension(s, 1e-3));
            assertEquals(OptionalInt.empty(), new GapRule(SpectrumEnd.FAST, 2.5).dimension(s, 1e-3));
            assertEquals(1.0, new GapRule(SpectrumEnd.SLOW, 0).gapAt(s, 4), 1e-9);
            assertEquals(1.0, s.gaps()[3], 1e-9);
            assertEquals(2.0, s.gaps()[5], 1e-9);
        }
    }

    @Test
    void onlyTrustedEigenvaluesCount() {
        double[] fromEnd = {0, 0.1, 0.2, 5};
        assertEquals(OptionalInt.of(3), new GapRule(SpectrumEnd.SLOW, 1).dimension(fromEnd, 4));
        assertEquals(OptionalInt.empty(), new GapRule(SpectrumEnd.SLOW, 1).dimension(fromEnd, 3));
    }

    @Test
    void theWidestTrustedGapDecidesWhetherTheRuleFindsADimension() {
        double[] fromEnd = {0, 0.1, 0.2, 5};
        assertEquals(4.8, GapRule.widestGap(fromEnd, 4), 1e-12);
        assertEquals(0.1, GapRule.widestGap(fromEnd, 3), 1e-12);
        assertEquals(0, GapRule.widestGap(fromEnd, 1));
        for (double threshold : new double[] {0.05, 0.1, 1, 4.79, 4.8, 6}) {
            for (int trusted = 1; trusted <= 4; trusted++) {
                assertEquals(GapRule.widestGap(fromEnd, trusted) > threshold,
                        new GapRule(SpectrumEnd.SLOW, threshold).dimension(fromEnd, trusted).isPresent(),
                        "threshold " + threshold + ", " + trusted + " trusted");
            }
        }
    }

    @Test
    void aNegativeThresholdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GapRule(SpectrumEnd.SLOW, -1));
    }
}
