package org.lotterylab.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.lotterylab.evidence.Interval;
import org.lotterylab.evidence.Sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each method buys for what it costs: accuracy against cost on a logarithmic cost axis, one
 * series per method, one point per setting of the method (a density), each point the mean over
 * seeds with its 95% interval as a vertical bar. A method worth its price sits high and to the left.
 *
 * <pre>{@code
 * Charts.costAccuracy("LeNet-5 on Fashion-MNIST", "cost (epochs of training)")
 *       .point("IMP", 27.0, impAccuracy)          // a Sample: one accuracy per seed
 *       .point("SNIP", 3.1, snipAccuracy)
 *       .chart();
 * }</pre>
 */
public final class CostAccuracy {

    private final String title;
    private final String costTitle;
    private String accuracyTitle = "test accuracy (%)";
    private final Map<String, List<double[]>> points = new LinkedHashMap<>();

    CostAccuracy(String title, String costTitle) {
        this.title = title;
        this.costTitle = costTitle;
    }

    /** @param value the accuracy axis' title @return this chart */
    public CostAccuracy accuracyTitle(String value) {
        accuracyTitle = value;
        return this;
    }

    /**
     * Adds one point: the mean of the sample at the given cost, with the mean's 95% interval.
     *
     * @param method the series it belongs to (the legend's entry)
     * @param cost what the method spent, &gt; 0 (the axis is logarithmic)
     * @param accuracy one value per seed; with a single seed the point has no bar (its interval is unbounded)
     * @return this chart
     */
    public CostAccuracy point(String method, double cost, Sample accuracy) {
        if (!(cost > 0 && Double.isFinite(cost))) {
            throw new IllegalArgumentException(method + ": the cost axis is logarithmic, a cost must be finite and > 0, got " + cost);
        }
        Interval interval = accuracy.interval();
        double halfWidth = Double.isFinite(interval.halfWidth()) ? interval.halfWidth() : 0;
        points.computeIfAbsent(method, m -> new ArrayList<>()).add(new double[] {cost, accuracy.mean(), halfWidth});
        return this;
    }

    /** @return the styled chart: markers with interval bars, no connecting lines */
    public XYChart chart() {
        XYChart chart = ChartStyle.apply(new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT));
        chart.setTitle(title);
        chart.setXAxisTitle(costTitle);
        chart.setYAxisTitle(accuracyTitle);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(8);
        points.forEach((method, rows) -> chart.addSeries(method,
                rows.stream().mapToDouble(r -> r[0]).toArray(),
                rows.stream().mapToDouble(r -> r[1]).toArray(),
                rows.stream().mapToDouble(r -> r[2]).toArray()));
        return chart;
    }
}
