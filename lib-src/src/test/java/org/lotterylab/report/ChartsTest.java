package org.lotterylab.report;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.lotterylab.prune.Mask;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    static void assertPng(Chart<?, ?> chart) {
        byte[] png = Charts.png(chart);
        assertTrue(png.length > 1000, "a drawn chart, not an empty image: " + png.length + " bytes");
        assertArrayEquals(PNG_SIGNATURE, java.util.Arrays.copyOf(png, 4));
    }

    @Test
    void pruningCurveAveragesSeedsAndDrawsAHiddenBand() {
        Table results = Table.create("results",
                StringColumn.create("method", "IMP", "IMP", "IMP", "IMP"),
                DoubleColumn.create("remaining", 100, 100, 51.2, 51.2),
                DoubleColumn.create("accuracy", 98.0, 98.2, 98.4, 98.6));
        XYChart chart = Charts.pruningCurve("LeNet").from(results, "method", "remaining", "accuracy")
                .method("random", new double[] {100, 51.2}, new double[] {98.1, 97.0})
                .chart();
        Map<String, XYSeries> series = chart.getSeriesMap();
        assertEquals(List.of("IMP ± sd", "IMP", "random"), List.copyOf(series.keySet()));
        assertFalse(series.get("IMP ± sd").isShowInLegend());
        assertArrayEquals(new double[] {98.1, 98.5}, series.get("IMP").getYData(), 1e-9);
        // 100% sits at the left end of the reversed log axis.
        assertArrayEquals(new double[] {0, Math.log10(100 / 51.2)}, series.get("IMP").getXData(), 1e-9);
        assertPng(chart);
    }

    @Test
    void pruningCurveRejectsFractionsForPercentages() {
        var e = assertThrows(IllegalArgumentException.class, () -> Charts.pruningCurve("x").point("IMP", 0, 1));
        assertTrue(e.getMessage().contains("percentages"), e.getMessage());
    }

    @Test
    void trainingCurvesCountEpochsFromOne() {
        XYChart chart = Charts.trainingCurves("Dense", "epoch", "accuracy")
                .line("train", new double[] {0.5, 0.8, 0.9})
                .line("test", List.of(0.4, 0.7, 0.85))
                .chart();
        assertArrayEquals(new double[] {1, 2, 3}, chart.getSeriesMap().get("test").getXData());
        assertPng(chart);
    }

    @Test
    void layerDensityReadsMapsAndMasks() {
        Map<String, Double> density = new LinkedHashMap<>();
        density.put("fc1", 0.2);
        density.put("fc2", 0.5);
        try (NDManager manager = NDManager.newBaseManager();
                Mask mask = Mask.of(Map.of("fc1.weight", manager.create(new float[] {1, 0, 0, 0})))) {
            var chart = Charts.layerDensity("Where IMP prunes").mask("map", density).mask("mask", mask).chart();
            assertEquals(List.of(20.0, 50.0), chart.getSeriesMap().get("map").getYData());
            assertEquals(List.of(25.0), chart.getSeriesMap().get("mask").getYData());
            assertPng(chart);
        }
    }

    @Test
    void weightHistogramCountsEveryWeightOnce() {
        float[] weights = {-1f, -0.5f, 0f, 0.5f, 1f};
        XYChart chart = Charts.weightHistogram("fc1").bins(4).magnitudes().add("init", weights).chart();
        double[] counts = chart.getSeriesMap().get("init").getYData();
        assertEquals(5, java.util.Arrays.stream(counts).sum());
        assertEquals(2, counts[3], "|±1| falls in the last bin");
        assertPng(chart);
    }

    @Test
    void heatMapChecksItsMatrix() {
        assertPng(Charts.heatMap("transfer", List.of("mnist", "fashion"), List.of("mnist", "fashion", "digits"),
                new double[][] {{98, 80, 90}, {85, 90, 88}}));
        assertThrows(IllegalArgumentException.class,
                () -> Charts.heatMap("bad", List.of("a"), List.of("b", "c"), new double[][] {{1}}));
    }
}
