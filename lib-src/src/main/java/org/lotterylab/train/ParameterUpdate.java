package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * Every parameter of a net that learns, stepped by one DJL optimizer ({@link Updates#parameters}):
 * what DJL's {@code Trainer.step()} does, written out so that the forward pass may run through
 * another block (a scored net's gates) and so that it can alternate with other updates.
 */
final class ParameterUpdate implements StepUpdate {

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    private final Optimizer optimizer;

    ParameterUpdate(Net net, Optimizer optimizer) {
        this.optimizer = optimizer;
        net.parameters().forEach((name, p) -> {
            if (p.requiresGradient()) {
                parameters.put(name, p);
                arrays.put(name, p.getArray());
            }
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
        // The parameter's id, as the Trainer passes it: optimizers that group parameters (weights-only decay) key on it.
        parameters.values().forEach(p -> {
            try (NDArray gradient = p.getArray().getGradient()) {
                optimizer.update(p.getId(), p.getArray(), gradient);
            }
        });
    }
}
