package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A copy of the trained arrays at the best validation evaluation so far, so that a run selecting
 * on a validation set measures the test set only where it reports it: at that evaluation (and at
 * the end), once training is over, rather than at every evaluation point.
 */
final class BestOnValidation implements AutoCloseable {

    private final Map<String, NDArray> arrays;
    private Map<String, NDArray> best = Map.of();
    private double accuracy = Double.NEGATIVE_INFINITY;
    private int index = -1;

    /** @param arrays every array the forward pass reads (weights, BatchNorm statistics, scores), by name */
    BestOnValidation(Map<String, NDArray> arrays) {
        this.arrays = arrays;
    }

    /**
     * Keeps a copy of the arrays when this evaluation beats every earlier one (the earliest of
     * equals stays, as {@link TrainingHistory#best()} picks it).
     *
     * @param evaluation the evaluation's position in the history
     * @param validationAccuracy its validation accuracy
     */
    void offer(int evaluation, double validationAccuracy) {
        if (validationAccuracy > accuracy) {
            close();
            best = copies(arrays);
            accuracy = validationAccuracy;
            index = evaluation;
        }
    }

    /** @return the position of the best evaluation so far, −1 before any */
    int index() {
        return index;
    }

    /**
     * @param measure what to measure with the best arrays in place
     * @param <T> what it returns
     * @return the measurement; the current arrays are back in place afterwards
     */
    <T> T measuredAtBest(Supplier<T> measure) {
        Map<String, NDArray> current = copies(arrays);
        try {
            best.forEach((name, copy) -> copy.copyTo(arrays.get(name)));
            return measure.get();
        } finally {
            current.forEach((name, copy) -> copy.copyTo(arrays.get(name)));
            current.values().forEach(NDArray::close);
        }
    }

    @Override
    public void close() {
        best.values().forEach(NDArray::close);
        best = Map.of();
    }

    private static Map<String, NDArray> copies(Map<String, NDArray> arrays) {
        Map<String, NDArray> copies = new LinkedHashMap<>();
        arrays.forEach((name, array) -> copies.put(name, array.duplicate()));
        return copies;
    }
}
