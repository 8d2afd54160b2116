package org.lotterylab.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendTest {

    @Test
    void meanOfEachSeedsLeastSquaresSlope() {
        double[] x = {1, 2, 3};
        // Seed 0 rises by 1 per step, seed 1 by 2, seed 2 not at all: slopes 1, 2, 0 (exact in binary).
        List<Sample> y = List.of(
                Sample.of("at 1", Map.of(0L, 1.0, 1L, 2.0, 2L, 5.0)),
                Sample.of("at 2", Map.of(0L, 2.0, 1L, 4.0, 2L, 5.0)),
                Sample.of("at 3", Map.of(0L, 3.0, 1L, 6.0, 2L, 5.0)));
        Estimate slope = Trend.slope("gap per round", x, y);
        assertEquals(1.0, slope.value());
        assertEquals(Map.of(0L, 1.0, 1L, 2.0, 2L, 0.0), slope.samples().get(3).values());
        // Slopes {1, 2, 0}: sd 1, so the half-width is t(0.975, 2) / √3.
        assertEquals(0.95 * Math.sqrt(2 / (1 - 0.95 * 0.95)) / Math.sqrt(3), slope.interval().halfWidth(), 1e-11);
        assertEquals(Verdict.INCONCLUSIVE, slope.above(0).verdict(), "one flat seed of three leaves it open");
    }

    @Test
    void needsTheSameSeedsEverywhereAndTwoPositions() {
        var a = Sample.of("a", Map.of(0L, 1.0));
        var b = Sample.of("b", Map.of(1L, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Trend.slope("s", new double[] {1, 2}, List.of(a, b)));
        assertThrows(IllegalArgumentException.class, () -> Trend.slope("s", new double[] {1, 1}, List.of(a, a)));
    }
}
