package org.lotterylab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Empties an array's gradient before the next backward pass, which adds into it.
 *
 * <p>On PyTorch this is one native call; through DJL's generic API it is four (ask whether the
 * array has a gradient, wrap the gradient, subtract it from itself, free the wrapper), which the
 * training loop paid for every parameter at every step.
 */
public final class ZeroGradient {

    private ZeroGradient() {}

    /**
     * @param array an array that records a gradient
     */
    public static void of(NDArray array) {
        if (array instanceof PtNDArray pytorch) {
            JniUtils.zeroGrad(pytorch);
        } else {
            try (NDArray gradient = array.getGradient()) {
                gradient.subi(gradient);
            }
        }
    }
}
