package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KneeTest {

    /** Flat at 95 (± a little) up to 50%, then a steep fall. */
    private static Map<Double, Double> kneeAtHalf() {
        Map<Double, Double> curve = new TreeMap<>();
        double[] scores = {95.0, 95.2, 94.8, 94.6, 94.5, 94.2, 90.0, 80.0, 65.0, 50.0};
        for (int i = 0; i < scores.length; i++) {
            curve.put(i / 10.0, scores[i]);
        }
        return curve;
    }

    @Test
    void findsTheEndOfTheFlatRegion() {
        Knee knee = Knee.of(kneeAtHalf(), 1.0);
        assertEquals(0.5, knee.essentialSparsity(), 1e-12);
        assertEquals(0.6, knee.nextSparsity(), 1e-12);
        assertEquals(95.0, knee.dense(), 1e-12);
        assertTrue(knee.dropsWithinGrid());
        assertTrue(knee.isClear(), knee.toString());
        assertEquals((94.2 - 50.0) / 4, knee.dropSlope(), 1e-9);
        // 94.2 at 50%, 90.0 at 60%: the line crosses 94.0 = dense − ε at 50% + 10% · 0.2 / 4.2.
        assertEquals(0.5 + 0.1 * 0.2 / 4.2, knee.crossing(), 1e-12);
    }

    @Test
    void aDipTheCurveRecoversFromDoesNotEndTheFlatRegion() {
        Map<Double, Double> curve = new TreeMap<>(Map.of(0.0, 90.0, 0.1, 89.5, 0.2, 88.0, 0.3, 89.8, 0.4, 70.0));
        Knee knee = Knee.of(curve, 1.0);
        assertEquals(0.3, knee.essentialSparsity(), 1e-12);
        assertEquals(0.4, knee.nextSparsity(), 1e-12);
    }

    @Test
    void aCurveThatNeverFallsHasNoKneeInTheGrid() {
        Map<Double, Double> flat = Map.of(0.0, 99.0, 0.3, 98.5, 0.6, 98.4);
        Knee knee = Knee.of(flat, 1.0);
        assertEquals(0.6, knee.essentialSparsity(), 1e-12);
        assertFalse(knee.dropsWithinGrid());
        assertFalse(knee.isClear());
        assertTrue(Double.isNaN(knee.crossing()));
        assertEquals(List.of(), knee.finerGrid(3));
    }

    @Test
    void aSteadyDeclineIsNotAClearKnee() {
        Map<Double, Double> line = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            line.put(i / 10.0, 95.0 - 0.9 * i);
        }
        Knee knee = Knee.of(line, 1.0);
        assertEquals(0.1, knee.essentialSparsity(), 1e-12);
        assertFalse(knee.isClear(), knee.toString());
    }

    @Test
    void theFinerGridLiesBetweenTheKneeAndTheNextPoint() {
        List<Double> grid = Knee.of(kneeAtHalf(), 1.0).finerGrid(3);
        assertEquals(3, grid.size());
        assertEquals(0.525, grid.get(0), 1e-12);
        assertEquals(0.575, grid.get(2), 1e-12);
    }

    @Test
    void badCurvesAreExplained() {
        var noDense = assertThrows(IllegalArgumentException.class, () -> Knee.of(Map.of(0.1, 90.0), 1));
        assertTrue(noDense.getMessage().contains("sparsity 0"), noDense.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Knee.of(Map.of(0.0, 90.0, 1.0, 10.0), 1));
    }
}
