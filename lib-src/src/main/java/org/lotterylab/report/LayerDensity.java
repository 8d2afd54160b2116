package org.lotterylab.report;

import org.knowm.xchart.CategoryChart;
import org.lotterylab.prune.Mask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bars of the percentage of weights each layer keeps, one group of bars per mask: shows where a
 * pruning method removes weights.
 *
 * <pre>{@code
 * Charts.layerDensity("Where IMP prunes").mask("round 5", mask).mask("SNIP", snipDensities).chart();
 * }</pre>
 */
public final class LayerDensity {

    private final CategoryChart chart;

    LayerDensity(String title) {
        chart = ChartStyle.apply(new CategoryChart(ChartStyle.WIDTH, ChartStyle.HEIGHT));
        chart.setTitle(title);
        chart.setXAxisTitle("layer");
        chart.setYAxisTitle("weights remaining (%)");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        chart.getStyler().setXAxisLabelRotation(30);
    }

    /**
     * Adds one mask's densities.
     *
     * @param name the legend's entry
     * @param densityByLayer the fraction (0..1) of weights kept, by layer name in forward order
     * @return this chart
     */
    public LayerDensity mask(String name, Map<String, ? extends Number> densityByLayer) {
        if (densityByLayer.isEmpty()) {
            throw new IllegalArgumentException(name + ": no layers to show");
        }
        List<String> layers = new ArrayList<>(densityByLayer.keySet());
        List<Double> percents = densityByLayer.values().stream().map(d -> 100 * d.doubleValue()).toList();
        chart.addSeries(name, layers, percents);
        return this;
    }

    /**
     * Adds one mask's densities.
     *
     * @param name the legend's entry
     * @param mask the mask
     * @return this chart
     */
    public LayerDensity mask(String name, Mask mask) {
        return mask(name, mask.densities());
    }

    /** @return the styled chart */
    public CategoryChart chart() {
        return chart;
    }
}
