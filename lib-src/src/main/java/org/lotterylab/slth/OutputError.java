package org.lotterylab.slth;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.lotterylab.nn.Net;

/**
 * How far a constructed network's outputs (logits) are from its target's on the same inputs.
 *
 * @param max the largest absolute difference of any logit of any input
 * @param mean the mean absolute difference
 */
public record OutputError(double max, double mean) {

    /**
     * @param target the target net
     * @param approximation the net approximating it
     * @param inputs a batch of inputs both nets accept
     * @return the errors of {@code approximation} against {@code target}
     */
    public static OutputError between(Net target, Net approximation, NDArray inputs) {
        try (NDManager scratch = inputs.getManager().newSubManager()) {
            // Every intermediate of a forward pass belongs to its input's manager: copies of the
            // inputs on the scratch manager keep the activations of both nets from outliving this call.
            NDArray x = inputs.duplicate();
            x.attach(scratch);
            NDArray expected = target.forward(new NDList(x), false).singletonOrThrow();
            NDArray y = x.toDevice(approximation.manager().getDevice(), true);
            y.attach(scratch);
            NDArray actual = approximation.forward(new NDList(y), false).singletonOrThrow()
                    .toDevice(expected.getDevice(), false);
            NDArray difference = actual.sub(expected).abs();
            return new OutputError(difference.max().getFloat(), difference.mean().getFloat());
        }
    }
}
