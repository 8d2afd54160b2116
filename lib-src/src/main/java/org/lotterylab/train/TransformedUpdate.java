package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** An update whose gradients a {@link GradientTransform} changes first ({@link Updates#transformingGradients}). */
final class TransformedUpdate implements StepUpdate {

    private final StepUpdate inner;
    private final GradientTransform transform;

    TransformedUpdate(StepUpdate inner, GradientTransform transform) {
        this.inner = inner;
        this.transform = transform;
    }

    @Override
    public Map<String, NDArray> arrays() {
        return inner.arrays();
    }

    @Override
    public Map<String, NDArray> arrays(int iteration) {
        return inner.arrays(iteration);
    }

    @Override
    public void apply(int iteration) {
        transform.apply(inner.arrays(iteration));
        inner.apply(iteration);
    }
}
