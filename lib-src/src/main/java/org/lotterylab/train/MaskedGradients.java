package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.lotterylab.prune.Mask;

/**
 * Zeroes the gradients of pruned weights before the update, so that the optimizer's state
 * (momentum, Adam's moments) never fills up for weights that cannot come back. The mask is
 * applied again after the update ({@link Training#masked}), which is what keeps them at exactly 0.
 *
 * @param mask the weights kept
 */
record MaskedGradients(Mask mask) implements GradientTransform {

    @Override
    public void apply(Map<String, NDArray> arrays) {
        for (String name : mask.names()) {
            NDArray weight = arrays.get(name);
            if (weight != null) {
                try (NDArray gradient = weight.getGradient()) {
                    gradient.muli(mask.get(name));
                }
            }
        }
    }
}
