package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two updates taking turns ({@link Updates#alternating}): even steps are the first's, odd steps
 * the second's, each numbered among its own.
 */
final class Alternation implements StepUpdate {

    private final StepUpdate first;
    private final StepUpdate second;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    Alternation(StepUpdate first, StepUpdate second) {
        this.first = first;
        this.second = second;
        arrays.putAll(first.arrays());
        second.arrays().forEach((name, array) -> {
            if (arrays.putIfAbsent(name, array) != null) {
                throw new IllegalArgumentException("both alternating updates change '" + name + "'; give the arrays"
                        + " of one of them another kind (Updates.arrays(kind, arrays))");
            }
        });
    }

    @Override
    public Map<String, NDArray> arrays() {
        return Collections.unmodifiableMap(arrays);
    }

    @Override
    public Map<String, NDArray> arrays(int iteration) {
        return turn(iteration).arrays(iteration / 2);
    }

    @Override
    public void apply(int iteration) {
        turn(iteration).apply(iteration / 2);
    }

    private StepUpdate turn(int iteration) {
        return iteration % 2 == 0 ? first : second;
    }
}
