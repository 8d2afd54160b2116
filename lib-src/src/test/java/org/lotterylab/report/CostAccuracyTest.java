package org.lotterylab.report;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.lotterylab.evidence.Sample;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostAccuracyTest {

    @Test
    void eachPointIsTheMeanWithItsIntervalAsABar() {
        Sample imp = Sample.of("IMP", Map.of(0L, 80.0, 1L, 82.0, 2L, 84.0));
        Sample snip = Sample.of("SNIP", Map.of(0L, 70.0, 1L, 70.0, 2L, 73.0));
        XYChart chart = Charts.costAccuracy("methods", "passes")
                .point("IMP", 900, imp).point("SNIP", 100, snip).point("SNIP", 120, imp).chart();
        Map<String, XYSeries> series = chart.getSeriesMap();
        assertEquals(List.of("IMP", "SNIP"), List.copyOf(series.keySet()));
        assertArrayEquals(new double[] {100, 120}, series.get("SNIP").getXData(), 0);
        assertArrayEquals(new double[] {71, 82}, series.get("SNIP").getYData(), 1e-12);
        // Sample sd of 80, 82, 84 is 2: the bar is t(0.975; 2 df) = 4.3027 times 2 / √3 either side of the mean.
        double halfWidth = 4.302652729911275 * 2 / Math.sqrt(3);
        assertArrayEquals(new double[] {halfWidth}, series.get("IMP").getExtraValues(), 1e-9);
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        ChartsTest.assertPng(chart);
    }

    @Test
    void aSingleSeedHasNoBar() {
        XYChart chart = Charts.costAccuracy("one seed", "passes").point("dense", 10, Sample.of("dense", Map.of(0L, 90.0))).chart();
        assertArrayEquals(new double[] {0}, chart.getSeriesMap().get("dense").getExtraValues(), 0);
    }

    @Test
    void rejectsACostTheLogarithmicAxisCannotShow() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Charts.costAccuracy("x", "passes").point("random", 0, Sample.of("r", Map.of(0L, 1.0))));
        assertTrue(e.getMessage().contains("logarithmic"), e.getMessage());
    }
}
