package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Arrays that are not parameters of the net (a scored net's scores), stepped by one DJL optimizer ({@link Updates#arrays}). */
final class ArrayUpdate implements StepUpdate {

    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    private final Optimizer optimizer;

    /**
     * @param kind what the arrays are, e.g. "scores"
     * @param arrays the arrays by the name of what they belong to, e.g. the weight a score gates
     * @param optimizer their optimizer
     */
    ArrayUpdate(String kind, Map<String, NDArray> arrays, Optimizer optimizer) {
        this.optimizer = optimizer;
        arrays.forEach((name, array) -> {
            if (!array.hasGradient()) {
                throw new IllegalArgumentException("the " + kind + " of " + name + " do not require gradients, so "
                        + "training could not update them; call setRequiresGradient(true) on them first");
            }
            this.arrays.put(kind + " of " + name, array);
        });
    }

    @Override
    public Map<String, NDArray> arrays() {
        return Collections.unmodifiableMap(arrays);
    }

    @Override
    public Map<String, NDArray> arrays(int iteration) {
        return arrays();
    }

    @Override
    public void apply(int iteration) {
        arrays.forEach((name, array) -> {
            try (NDArray gradient = array.getGradient()) {
                optimizer.update(name, array, gradient);
            }
        });
    }
}
