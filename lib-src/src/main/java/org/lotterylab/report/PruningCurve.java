package org.lotterylab.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The lottery-ticket papers' main figure: accuracy against the percentage of weights remaining,
 * on a logarithmic axis that runs from 100% on the left down to the sparsest network on the right,
 * one line per method. Where a point has several values (one per seed), the line goes through
 * their mean and a band shows ± one standard deviation.
 *
 * <pre>{@code
 * Charts.pruningCurve("LeNet-300-100 on MNIST")
 *       .method("IMP", remaining, ticketAccuracy)
 *       .from(results, "method", "remaining", "accuracy")
 *       .chart();
 * }</pre>
 */
public final class PruningCurve {

    private final String title;
    private String yTitle = "test accuracy (%)";
    private final Map<String, SortedMap<Double, List<Double>>> methods = new LinkedHashMap<>();

    PruningCurve(String title) {
        this.title = title;
    }

    /**
     * Adds one measurement; call it again with the same method and percentage for another seed.
     *
     * @param method the line it belongs to
     * @param percentRemaining weights remaining, in (0, 100]
     * @param value the accuracy (or any metric) measured there
     * @return this curve
     */
    public PruningCurve point(String method, double percentRemaining, double value) {
        if (!(percentRemaining > 0 && percentRemaining <= 100)) {
            throw new IllegalArgumentException("percent remaining must lie in (0, 100], got " + percentRemaining
                    + " for " + method + " (pass percentages, not fractions)");
        }
        methods.computeIfAbsent(method, m -> new TreeMap<>(Comparator.reverseOrder()))
                .computeIfAbsent(percentRemaining, p -> new ArrayList<>())
                .add(value);
        return this;
    }

    /**
     * Adds a whole line (or one seed's line: add the others under the same name).
     *
     * @param method the line's name
     * @param percentRemaining weights remaining at each point
     * @param values the metric at each point
     * @return this curve
     */
    public PruningCurve method(String method, double[] percentRemaining, double[] values) {
        if (percentRemaining.length != values.length) {
            throw new IllegalArgumentException(method + ": " + percentRemaining.length + " percentages but "
                    + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            point(method, percentRemaining[i], values[i]);
        }
        return this;
    }

    /**
     * Adds every row of a results table, one line per distinct value of the method column.
     *
     * @param table the results, e.g. one row per (method, seed, round)
     * @param methodColumn the column naming the method
     * @param remainingColumn the numeric column of percentages remaining
     * @param valueColumn the numeric column of the metric
     * @return this curve
     */
    public PruningCurve from(Table table, String methodColumn, String remainingColumn, String valueColumn) {
        NumericColumn<?> remaining = table.numberColumn(remainingColumn);
        NumericColumn<?> values = table.numberColumn(valueColumn);
        for (Row row : table) {
            int i = row.getRowNumber();
            point(row.getObject(methodColumn).toString(), remaining.getDouble(i), values.getDouble(i));
        }
        return this;
    }

    /**
     * @param title the y axis' title instead of "test accuracy (%)"
     * @return this curve
     */
    public PruningCurve yTitle(String title) {
        this.yTitle = title;
        return this;
    }

    /** @return the styled chart */
    public XYChart chart() {
        XYChart chart = ChartStyle.apply(new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT));
        chart.setTitle(title);
        chart.setXAxisTitle("weights remaining (%)");
        chart.setYAxisTitle(yTitle);
        // XChart cannot reverse an axis, so x is plotted as log10(100 / remaining) and labelled back.
        chart.setCustomXAxisTickLabelsFormatter(x -> Numbers.significant(100 / Math.pow(10, x), 2));
        int index = 0;
        for (Map.Entry<String, SortedMap<Double, List<Double>>> method : methods.entrySet()) {
            addMethod(chart, index++, method.getKey(), method.getValue());
        }
        return chart;
    }

    private static void addMethod(XYChart chart, int index, String name, SortedMap<Double, List<Double>> points) {
        int n = points.size();
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] sd = new double[n];
        int i = 0;
        for (Map.Entry<Double, List<Double>> point : points.entrySet()) {
            x[i] = Math.log10(100 / point.getKey());
            mean[i] = point.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            sd[i] = standardDeviation(point.getValue(), mean[i]);
            i++;
        }
        if (points.values().stream().anyMatch(values -> values.size() > 1)) {
            addBand(chart, index, name, x, mean, sd);
        }
        XYSeries line = chart.addSeries(name, x, mean);
        line.setLineColor(ChartStyle.color(index));
        line.setMarkerColor(ChartStyle.color(index));
        line.setMarker(SeriesMarkers.CIRCLE);
    }

    private static void addBand(XYChart chart, int index, String name, double[] x, double[] mean, double[] sd) {
        int n = x.length;
        double[] bandX = new double[2 * n];
        double[] bandY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            bandX[i] = x[i];
            bandY[i] = mean[i] + sd[i];
            bandX[2 * n - 1 - i] = x[i];
            bandY[2 * n - 1 - i] = mean[i] - sd[i];
        }
        XYSeries band = chart.addSeries(name + " ± sd", bandX, bandY);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(ChartStyle.band(index));
        band.setLineColor(ChartStyle.band(index));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
    }

    private static double standardDeviation(List<Double> values, double mean) {
        if (values.size() < 2) {
            return 0;
        }
        double sum = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(sum / (values.size() - 1));
    }
}
