package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Changes the gradients of a step after the backward pass and before the update: BERT's clipping
 * of their global norm ({@link GradientClipping}), BiP's implicit-gradient term, zeroing the
 * gradients of pruned weights.
 *
 * <pre>{@code
 * Training.with(config).updating(Updates.parameters().transformingGradients(new GradientClipping(1)));
 * }</pre>
 */
@FunctionalInterface
public interface GradientTransform {

    /**
     * @param arrays the arrays the step is about to update, by name; change their gradients in place
     */
    void apply(Map<String, NDArray> arrays);
}
