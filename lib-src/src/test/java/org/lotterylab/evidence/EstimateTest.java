package org.lotterylab.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EstimateTest {

    private static final double INTERVAL_TOLERANCE = 1e-11;

    @Test
    void samplesOfTheSameSeedsArePairedSeedBySeed() {
        Sample ticket = Sample.of("ticket", Map.of(0L, 10.0, 1L, 12.0, 2L, 14.0));
        Sample dense = Sample.of("dense", Map.of(0L, 9.0, 1L, 10.0, 2L, 11.0));
        Estimate gap = ticket.minus(dense);
        // Differences {1, 2, 3}: mean 2, sd 1, so 2 ± t(0.975, 2) / √3 with t(0.975, 2) = 0.95·√(2 / (1 − 0.95²)).
        // Unpaired, the spread of each sample (sd 2 and 1) would widen the interval instead.
        assertEquals("ticket − dense", gap.quantity());
        assertEquals(2.0, gap.value());
        assertEquals(3, gap.n());
        double halfWidth = 0.95 * Math.sqrt(2 / (1 - 0.95 * 0.95)) / Math.sqrt(3);
        assertEquals(halfWidth, gap.interval().halfWidth(), INTERVAL_TOLERANCE);
        assertEquals(2.0, (gap.interval().low() + gap.interval().high()) / 2, 4 * Math.ulp(2.0));
        assertTrue(gap.method().startsWith("paired"), gap.method());
        assertEquals(List.of("ticket", "dense", "ticket − dense"), gap.samples().stream().map(Sample::name).toList());
    }

    @Test
    void samplesOfOtherSeedsGetWelchsInterval() {
        Sample a = Sample.of("a", Map.of(0L, 1.0, 1L, 2.0, 2L, 3.0));
        Sample b = Sample.of("b", Map.of(3L, 4.0, 4L, 5.0, 5L, 6.0, 6L, 7.0));
        Estimate difference = a.minus(b);
        // Means 2 and 5.5; variances of the means 1/3 and (5/3)/4 = 5/12, so the standard error is
        // √(3/4); Welch–Satterthwaite: (3/4)² / ((1/3)²/2 + (5/12)²/3) = 3888/784 degrees of freedom,
        // where t(0.975) = 2.576958449009055 (scipy).
        assertEquals(-3.5, difference.value());
        assertEquals(3, difference.n());
        assertEquals(2.576958449009055 * Math.sqrt(0.75), difference.interval().halfWidth(), INTERVAL_TOLERANCE);
        assertTrue(difference.method().startsWith("Welch"), difference.method());
    }

    @Test
    void aMeanCarriesItsSample() {
        Sample cost = Sample.of("truncation cost", Map.of(0L, 0.1, 1L, 0.3));
        Estimate mean = cost.estimate();
        assertEquals(cost.mean(), mean.value());
        assertEquals(cost.interval(), mean.interval());
        assertEquals(List.of(cost), mean.samples());
    }
}
