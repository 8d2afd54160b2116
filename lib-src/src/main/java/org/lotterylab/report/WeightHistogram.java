package org.lotterylab.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Histograms of weight values, several overlaid on shared bins, e.g. a layer at initialisation
 * against the same layer's surviving weights after pruning.
 *
 * <pre>{@code
 * Charts.weightHistogram("fc1").magnitudes().add("init", w0).add("ticket", wT).chart();
 * }</pre>
 */
public final class WeightHistogram {

    private final String title;
    private int bins = 50;
    private boolean magnitudes;
    private final Map<String, float[]> series = new LinkedHashMap<>();

    WeightHistogram(String title) {
        this.title = title;
    }

    /**
     * @param count the number of bins, positive (default 50)
     * @return this histogram
     */
    public WeightHistogram bins(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("bins must be positive, got " + count);
        }
        this.bins = count;
        return this;
    }

    /** @return this histogram, counting absolute values {@code |w|} instead of signed ones */
    public WeightHistogram magnitudes() {
        this.magnitudes = true;
        return this;
    }

    /**
     * Adds one set of weights.
     *
     * @param name the legend's entry
     * @param weights the values, e.g. {@code parameter.getArray().toFloatArray()}
     * @return this histogram
     */
    public WeightHistogram add(String name, float[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException(name + ": no weights to count");
        }
        series.put(name, weights);
        return this;
    }

    /** @return the styled chart: one translucent step area per set, counts on the y axis */
    public XYChart chart() {
        XYChart chart = ChartStyle.apply(new XYChart(ChartStyle.WIDTH, ChartStyle.HEIGHT));
        chart.setTitle(title);
        chart.setXAxisTitle(magnitudes ? "|weight|" : "weight");
        chart.setYAxisTitle("count");
        chart.setCustomXAxisTickLabelsFormatter(x -> Numbers.significant(x, 2));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] weights : series.values()) {
            for (float w : weights) {
                double v = value(w);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        // A constant set would make zero-width bins; widen the range to one unit around it.
        double width = max > min ? (max - min) / bins : 1.0 / bins;
        int index = 0;
        for (Map.Entry<String, float[]> entry : series.entrySet()) {
            XYSeries s = chart.addSeries(entry.getKey(), centres(min, width), counts(entry.getValue(), min, width));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(ChartStyle.color(index));
            s.setFillColor(ChartStyle.band(index));
            index++;
        }
        return chart;
    }

    private double value(float w) {
        return magnitudes ? Math.abs(w) : w;
    }

    private double[] centres(double min, double width) {
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = min + (b + 0.5) * width;
        }
        return centres;
    }

    private double[] counts(float[] weights, double min, double width) {
        double[] counts = new double[bins];
        for (float w : weights) {
            int b = (int) ((value(w) - min) / width);
            counts[Math.min(b, bins - 1)]++;
        }
        return counts;
    }
}
