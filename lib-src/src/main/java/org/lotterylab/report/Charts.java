package org.lotterylab.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where every chart of the lab starts, each in the one {@link ChartStyle}. A chart is an XChart
 * chart, which the notebook kernel shows as an image when a cell returns it.
 *
 * <pre>{@code
 * Charts.pruningCurve("Conv-4 on Fashion-MNIST").from(results, "method", "remaining", "accuracy").chart();
 * Charts.trainingCurves("Dense", "epoch", "loss").line("train", trainLoss).line("test", testLoss).chart();
 * Charts.layerDensity("Ticket at 7%").mask("IMP", mask.report()).chart();
 * Charts.weightHistogram("fc1").magnitudes().add("init", w0).chart();
 * Charts.heatMap("Ticket transfer", sources, targets, accuracy);
 * }</pre>
 */
public final class Charts {

    /** Light to mid blue, so that black values stay readable on every cell. */
    private static final Color[] HEAT = {new Color(0xF7FBFF), new Color(0x9ECAE1), new Color(0x3182BD)};

    private Charts() {
    }

    /**
     * Accuracy against % of weights remaining, log axis descending from 100, one line per method.
     *
     * @param title the chart's title
     * @return a builder: add methods, then {@code chart()}
     */
    public static PruningCurve pruningCurve(String title) {
        return new PruningCurve(title);
    }

    /**
     * Training curves: a metric per epoch or iteration.
     *
     * @param title the chart's title
     * @param xTitle e.g. {@code "epoch"}
     * @param yTitle e.g. {@code "test accuracy (%)"}
     * @return a builder: add lines, then {@code chart()}
     */
    public static LinePlot trainingCurves(String title, String xTitle, String yTitle) {
        return new LinePlot(title, xTitle, yTitle);
    }

    /**
     * Accuracy against cost, one point per method and setting with its 95% interval as a bar.
     *
     * @param title the chart's title
     * @param costTitle the cost axis' title, e.g. {@code "forward+backward passes"}
     * @return a builder: add points, then {@code chart()}
     */
    public static CostAccuracy costAccuracy(String title, String costTitle) {
        return new CostAccuracy(title, costTitle);
    }

    /**
     * Per-layer density bars.
     *
     * @param title the chart's title
     * @return a builder: add masks, then {@code chart()}
     */
    public static LayerDensity layerDensity(String title) {
        return new LayerDensity(title);
    }

    /**
     * Histograms of weight values.
     *
     * @param title the chart's title
     * @return a builder: add weight sets, then {@code chart()}
     */
    public static WeightHistogram weightHistogram(String title) {
        return new WeightHistogram(title);
    }

    /**
     * A matrix of values as coloured cells, e.g. the accuracy of a ticket found on a source task
     * and trained on a target task.
     *
     * @param title the chart's title
     * @param sources the rows' names (y axis)
     * @param targets the columns' names (x axis)
     * @param values {@code values[source][target]}
     * @return the styled chart, each cell labelled with its value
     */
    public static HeatMapChart heatMap(String title, List<String> sources, List<String> targets, double[][] values) {
        if (values.length != sources.size()) {
            throw new IllegalArgumentException("heat map: " + sources.size() + " sources but " + values.length + " rows");
        }
        List<Number[]> cells = new ArrayList<>();
        for (int s = 0; s < values.length; s++) {
            if (values[s].length != targets.size()) {
                throw new IllegalArgumentException("heat map: " + targets.size() + " targets but row " + s
                        + " has " + values[s].length + " values");
            }
            for (int t = 0; t < values[s].length; t++) {
                // XChart counts rows from the bottom; a matrix reads from the top.
                cells.add(new Number[] {t, values.length - 1 - s, values[s][t]});
            }
        }
        // The builder, unlike HeatMapChart's constructor, sets the defaults the heat map needs to paint.
        HeatMapChart chart = ChartStyle.apply(
                new HeatMapChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).build());
        chart.setTitle(title);
        chart.setXAxisTitle("target");
        chart.setYAxisTitle("source");
        chart.getStyler()
                .setShowValue(true)
                .setValueFont(ChartStyle.font(Font.PLAIN, 11))
                .setRangeColors(HEAT)
                .setHeatMapDecimalValueFormatter(v -> Numbers.significant(v, 3));
        chart.addSeries(title, targets, reversed(sources), cells);
        return chart;
    }

    /**
     * Encodes a chart as PNG, at its own size.
     *
     * @param chart any XChart chart
     * @return the PNG file's bytes
     */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the chart '" + chart.getTitle() + "' as PNG", e);
        }
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
