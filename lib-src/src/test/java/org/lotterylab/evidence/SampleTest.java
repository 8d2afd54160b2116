package org.lotterylab.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleTest {

    /** Half-widths carry the t quantile's solver error (≤ 1e-12) times a standard error of order 1. */
    private static final double INTERVAL_TOLERANCE = 1e-11;

    @Test
    void meanStandardDeviationAndIntervalOfFourSeeds() {
        Sample sample = Sample.of("accuracy", Map.of(3L, 4.0, 0L, 1.0, 2L, 3.0, 1L, 2.0));
        assertEquals(List.of(0L, 1L, 2L, 3L), List.copyOf(sample.seeds()));
        // 1 + 2 + 3 + 4 = 10 and 10 / 4 are exact in binary.
        assertEquals(2.5, sample.mean());
        // Squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, exact; 5 / 3 and the square root round once each.
        double sd = Math.sqrt(5.0 / 3);
        assertEquals(sd, sample.standardDeviation(), 2 * Math.ulp(sd));
        // 95% interval: 2.5 ± t(0.975, 3) · sd / √4, with t(0.975, 3) = 3.1824463052837078.
        double halfWidth = 3.1824463052837078 * sd / 2;
        assertEquals(2.5 - halfWidth, sample.interval().low(), INTERVAL_TOLERANCE);
        assertEquals(2.5 + halfWidth, sample.interval().high(), INTERVAL_TOLERANCE);
    }

    @Test
    void twoSeedsGiveTheWideCauchyInterval() {
        // {10, 12}: mean 11, sd √2, standard error √2 / √2 = 1, so the half-width is t(0.975, 1) = tan(0.475π) ≈ 12.7.
        Interval interval = Sample.of("two", Map.of(0L, 10.0, 1L, 12.0)).interval();
        assertEquals(Math.tan(0.475 * Math.PI), interval.halfWidth(), INTERVAL_TOLERANCE);
    }

    @Test
    void oneSeedSaysNothingAboutItsNoise() {
        Sample one = Sample.of("one", Map.of(0L, 98.0));
        assertEquals(98.0, one.mean());
        assertTrue(Double.isNaN(one.standardDeviation()));
        assertEquals(Interval.UNBOUNDED, one.interval());
    }

    @Test
    void refusesNothingAndNonFiniteNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Sample.of("empty", Map.of()));
        var nan = assertThrows(IllegalArgumentException.class, () -> Sample.of("diverged", Map.of(0L, 1.0, 1L, Double.NaN)));
        assertTrue(nan.getMessage().contains("seed 1"), nan.getMessage());
    }
}
