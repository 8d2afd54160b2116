package org.lotterylab.report;

import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bars of the percentage of weights each layer keeps, one group of bars per mask: shows where a
 * pruning method removes weights.
 *
 * <pre>{@code
 * Charts.layerDensity("Where IMP prunes").mask("round 5", mask.report()).mask("SNIP", snipDensities).chart();
 * }</pre>
 */
public final class LayerDensity {

    /** The columns read from a mask's sparsity report ({@code Mask.report()}). */
    static final String LAYER_COLUMN = "layer";
    static final String DENSITY_COLUMN = "density";

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
     * Adds one mask's densities from its sparsity report.
     *
     * @param name the legend's entry
     * @param report a table with the columns {@code layer} and {@code density} (a fraction 0..1)
     * @return this chart
     */
    public LayerDensity mask(String name, Table report) {
        NumericColumn<?> density = report.numberColumn(DENSITY_COLUMN);
        List<String> layers = report.column(LAYER_COLUMN).asStringColumn().asList();
        Map<String, Double> densityByLayer = new LinkedHashMap<>();
        for (int i = 0; i < report.rowCount(); i++) {
            densityByLayer.put(layers.get(i), density.getDouble(i));
        }
        return mask(name, densityByLayer);
    }

    /** @return the styled chart */
    public CategoryChart chart() {
        return chart;
    }
}
