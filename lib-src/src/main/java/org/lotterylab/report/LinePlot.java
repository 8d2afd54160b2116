package org.lotterylab.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Lines of a metric against time, such as training curves: accuracy or loss per epoch or iteration.
 *
 * <pre>{@code
 * Charts.trainingCurves("LeNet-300-100", "epoch", "accuracy (%)")
 *       .line("dense", denseAccuracy)
 *       .line("ticket 7%", ticketAccuracy)
 *       .chart();
 * }</pre>
 */
public final class LinePlot {

    private final XYChart chart;

    LinePlot(String title, String xTitle, String yTitle) {
        chart = ChartStyle.apply(new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT));
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        chart.getStyler().setMarkerSize(0);
    }

    /**
     * Adds a line whose points sit at x = 1, 2, 3 ... (epochs counted from one).
     *
     * @param name the legend's entry
     * @param y the values
     * @return this plot
     */
    public LinePlot line(String name, double[] y) {
        return line(name, IntStream.rangeClosed(1, y.length).asDoubleStream().toArray(), y);
    }

    /**
     * Adds a line at x = 1, 2, 3 ... from a list, such as a metrics history.
     *
     * @param name the legend's entry
     * @param y the values
     * @return this plot
     */
    public LinePlot line(String name, List<? extends Number> y) {
        return line(name, y.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /**
     * Adds a line with explicit x values, e.g. iterations.
     *
     * @param name the legend's entry
     * @param x the positions
     * @param y the values
     * @return this plot
     */
    public LinePlot line(String name, double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException(name + ": need as many x as y values, at least one; got "
                    + x.length + " and " + y.length);
        }
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
        return this;
    }

    /** @return the styled chart */
    public XYChart chart() {
        return chart;
    }
}
