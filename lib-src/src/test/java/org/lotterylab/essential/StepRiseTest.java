package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StepRiseTest {

    private static final double[] X = IntStream.rangeClosed(0, 50).mapToDouble(i -> 100.0 * i).toArray();

    @Test
    void aStepInTheMiddleIsStepLike() {
        double[] y = IntStream.rangeClosed(0, 50).mapToDouble(i -> i < 25 ? 0.10 : 0.30).toArray();
        StepRise rise = StepRise.of(X, y);
        assertEquals(1.0, rise.share(), 1e-12);
        assertTrue(rise.isStepLike(), rise.toString());
        assertTrue(rise.from() < 2500 && rise.to() >= 2500, rise.toString());
    }

    @Test
    void aSteadyRiseIsNot() {
        double[] y = IntStream.rangeClosed(0, 50).mapToDouble(i -> 0.1 + 0.004 * i).toArray();
        StepRise rise = StepRise.of(X, y);
        assertEquals(0.1, rise.share(), 1e-9);
        assertFalse(rise.isStepLike());
    }

    @Test
    void aJumpRightAtTheStartIsNot() {
        double[] y = IntStream.rangeClosed(0, 50).mapToDouble(i -> i == 0 ? 0.0 : 0.2).toArray();
        assertFalse(StepRise.of(X, y).isStepLike());
    }

    @Test
    void aBumpOnAFallingCurveIsNoRise() {
        double[] y = IntStream.rangeClosed(0, 50).mapToDouble(i -> 1.0 - 0.01 * i + (i == 30 ? 0.05 : 0)).toArray();
        StepRise rise = StepRise.of(X, y);
        assertEquals(0, rise.share(), 1e-12);
        assertFalse(rise.isStepLike());
    }

    @Test
    void theRiseIsMeasuredFromTheMinimumAfterAnEarlyFall() {
        // Falls from 0.30 to 0.10 over the first ten points, stays, then steps up to 0.20 at point 35:
        // it ends below its start, yet rises step-like from its minimum.
        double[] y = IntStream.rangeClosed(0, 50).mapToDouble(i -> i <= 10 ? 0.30 - 0.02 * i : i < 35 ? 0.10 : 0.20).toArray();
        StepRise rise = StepRise.of(X, y);
        assertEquals(0.10, rise.rise(), 1e-12);
        assertEquals(1000, rise.minimumAt(), 1e-12);
        assertEquals(1.0, rise.share(), 1e-12);
        assertTrue(rise.isStepLike(), rise.toString());
        assertTrue(rise.from() < 3500 && rise.to() >= 3500, rise.toString());
    }

    @Test
    void aSteadyRiseAfterAnEarlyFallIsNot() {
        // Falls over the first ten points, then rises by the same step at each of the 40 left.
        double[] y = IntStream.rangeClosed(0, 50).mapToDouble(i -> i <= 10 ? 0.30 - 0.02 * i : 0.10 + 0.005 * (i - 10)).toArray();
        StepRise rise = StepRise.of(X, y);
        assertEquals(0.20, rise.rise(), 1e-12);
        assertEquals(5.0 / 40, rise.share(), 1e-9);
        assertFalse(rise.isStepLike());
    }

    @Test
    void aFallingCurveHasNoRise() {
        double[] y = IntStream.rangeClosed(0, 50).mapToDouble(i -> 1.0 - 0.01 * i).toArray();
        StepRise rise = StepRise.of(X, y);
        assertEquals(0, rise.rise(), 1e-12);
        assertFalse(rise.isStepLike());
    }
}
