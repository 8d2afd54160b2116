package org.lotterylab.gsm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.lotterylab.report.Charts;
import org.lotterylab.report.LinePlot;
import org.lotterylab.train.TrainingHistory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What a Global Sparse Momentum run measured, stored as its {@code results.json}.
 *
 * @param compression C
 * @param kept Q, the weights kept
 * @param total N, the prunable weights
 * @param history the evaluations during GSM training (all weights still present)
 * @param trainedAccuracy test accuracy at the end of training, before truncation
 * @param truncatedAccuracy test accuracy after keeping only the Q largest weights, without fine-tuning
 * @param trace the top-Q set's density per layer at each evaluation
 * @param finalDensities the density per layer of the truncated net
 */
public record GsmResult(double compression, long kept, long total, TrainingHistory history, double trainedAccuracy,
        double truncatedAccuracy, List<DensityTrace.Point> trace, Map<String, Double> finalDensities) {

    /** Copies the trace and the densities, keeping the layers' order. */
    public GsmResult {
        trace = List.copyOf(trace);
        finalDensities = Collections.unmodifiableMap(new LinkedHashMap<>(finalDensities));
    }

    /** @return accuracy points lost by truncation (positive = worse after), in percentage points */
    public double truncationCost() {
        return 100 * (trainedAccuracy - truncatedAccuracy);
    }

    /** @return iteration, then one column per layer: the % of its weights in the top-Q set */
    public Table densityTable() {
        Table table = Table.create("top-Q density per layer (%)",
                IntColumn.create("iteration", trace.stream().mapToInt(DensityTrace.Point::iteration).toArray()));
        for (String layer : layers()) {
            table.addColumns(DoubleColumn.create(layer, trace.stream().mapToDouble(p -> 100 * p.densities().get(layer))));
        }
        return table;
    }

    /**
     * @param title the chart's title
     * @return the density of each layer's top-Q set against iterations, one line per layer; on a
     *     logarithmic axis, since the densities of one net can differ by a factor of a hundred
     */
    public XYChart densityChart(String title) {
        double[] iterations = trace.stream().mapToDouble(DensityTrace.Point::iteration).toArray();
        LinePlot plot = Charts.trainingCurves(title, "iteration", "weights receiving gradient (%)");
        for (String layer : layers()) {
            plot.line(layer, iterations, trace.stream().mapToDouble(p -> 100 * p.densities().get(layer)).toArray());
        }
        XYChart chart = plot.chart();
        // A logarithmic axis cannot show a layer that no weight of the top-Q set is in.
        boolean positive = trace.stream().allMatch(p -> p.densities().values().stream().allMatch(d -> d > 0));
        chart.getStyler().setYAxisLogarithmic(positive);
        return chart;
    }

    private List<String> layers() {
        if (trace.isEmpty()) {
            throw new IllegalStateException("the run recorded no densities: it was never evaluated during training");
        }
        return new ArrayList<>(trace.get(0).densities().keySet());
    }
}
