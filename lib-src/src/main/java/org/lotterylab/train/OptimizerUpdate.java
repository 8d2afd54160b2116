package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * Arrays stepped by one DJL optimizer: every parameter of a net that learns ({@link Updates#parameters}),
 * or arrays that are not parameters, such as a scored net's scores ({@link Updates#arrays}). For
 * parameters this is what DJL's {@code Trainer.step()} does, written out so that the forward pass
 * may run through another block (a scored net's gates) and so that it can alternate with other updates.
 */
final class OptimizerUpdate implements StepUpdate {

    /** The arrays by the name the run reports them under. */
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    /** The same arrays by the key the optimizer keeps their state under. */
    private final Map<String, NDArray> byOptimizerKey = new LinkedHashMap<>();
    private final Optimizer optimizer;

    private OptimizerUpdate(Optimizer optimizer) {
        this.optimizer = optimizer;
    }

    /** Every parameter of the net that learns, keyed by its id as the Trainer passes it: optimizers that group parameters (weights-only decay) key on it. */
    static OptimizerUpdate parameters(Net net, Optimizer optimizer) {
        OptimizerUpdate update = new OptimizerUpdate(optimizer);
        net.parameters().forEach((name, p) -> {
            if (p.requiresGradient()) {
                update.add(name, p.getId(), p.getArray());
            }
        });
        return update;
    }

    /**
     * @param kind what the arrays are, e.g. "scores"
     * @param arrays the arrays by the name of what they belong to, e.g. the weight a score gates
     * @param optimizer their optimizer
     */
    static OptimizerUpdate arrays(String kind, Map<String, NDArray> arrays, Optimizer optimizer) {
        OptimizerUpdate update = new OptimizerUpdate(optimizer);
        arrays.forEach((name, array) -> {
            if (!array.hasGradient()) {
                throw new IllegalArgumentException("the " + kind + " of " + name + " do not require gradients, so "
                        + "training could not update them; call setRequiresGradient(true) on them first");
            }
            update.add(kind + " of " + name, kind + " of " + name, array);
        });
        return update;
    }

    private void add(String name, String optimizerKey, NDArray array) {
        arrays.put(name, array);
        byOptimizerKey.put(optimizerKey, array);
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
        byOptimizerKey.forEach((key, array) -> {
            try (NDArray gradient = array.getGradient()) {
                optimizer.update(key, array, gradient);
            }
        });
    }
}
