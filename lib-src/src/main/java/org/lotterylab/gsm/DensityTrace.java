package org.lotterylab.gsm;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where Global Sparse Momentum puts its weights over time: at each evaluation of a training run,
 * the fraction of each layer's weights in the top-Q set of the latest step. The paper's point is
 * that these layer-wise densities emerge from one global ratio; the trace shows how.
 *
 * <p>A DJL listener: {@link GlobalSparseMomentum} tells it after each step where the top-Q set is,
 * and at each evaluation of the training loop (an {@code onEpoch} notification) the trace counts
 * the latest set per layer, so the counting costs nothing between evaluations.
 */
public final class DensityTrace extends TrainingListenerAdapter {

    /**
     * The top-Q set's per-layer densities after one step.
     *
     * @param iteration the optimizer steps taken
     * @param densities the fraction (0..1) of each layer's weights that received gradient, by layer in forward order
     */
    public record Point(int iteration, Map<String, Double> densities) {

        /** Copies the densities, keeping their order. */
        public Point {
            densities = Collections.unmodifiableMap(new LinkedHashMap<>(densities));
        }
    }

    private final List<Point> points = new ArrayList<>();
    private int iteration = -1;
    private Supplier<Map<String, Double>> densities;

    /**
     * Told by the optimizer after each ranking.
     *
     * @param step the step just ranked
     * @param current measures the top-Q set's density per layer, while that set is the latest
     */
    void observe(int step, Supplier<Map<String, Double>> current) {
        iteration = step;
        densities = current;
    }

    @Override
    public void onEpoch(Trainer trainer) {
        if (densities != null && (points.isEmpty() || points.get(points.size() - 1).iteration() != iteration)) {
            points.add(new Point(iteration, densities.get()));
        }
    }

    /** @return the recorded points, one per evaluation, in order */
    public List<Point> points() {
        return List.copyOf(points);
    }
}
