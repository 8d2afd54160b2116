package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * BERT's clipping of gradients: when the global L2 norm of all the gradients a step applies
 * exceeds {@code maxNorm}, every gradient is scaled by {@code maxNorm / norm}, so the direction is
 * kept and the step bounded. A norm that is not finite stops training at this step, before the
 * update spreads it into the weights ({@link TrainingDivergedException} naming the first
 * non-finite gradient): the loss can be finite while a gradient is not.
 *
 * @param maxNorm the largest global norm a step applies, &gt; 0
 */
public record GradientClipping(float maxNorm) implements GradientTransform {

    /** Validates the bound. */
    public GradientClipping {
        if (!(maxNorm > 0 && Float.isFinite(maxNorm))) {
            throw new IllegalArgumentException("the gradient norm bound must be finite and > 0, got " + maxNorm
                    + " (BERT: 1)");
        }
    }

    @Override
    public void apply(Map<String, NDArray> arrays) {
        List<NDArray> gradients = arrays.values().stream().map(NDArray::getGradient).toList();
        try {
            double norm = Math.sqrt(sumOfSquares(gradients));
            if (!Double.isFinite(norm)) {
                throw new NonFiniteGradientException(norm);
            }
            if (norm > maxNorm) {
                gradients.forEach(gradient -> gradient.muli(maxNorm / norm));
            }
        } finally {
            gradients.forEach(NDArray::close);
        }
    }

    /** Summed in double, array by array, in the arrays' order. */
    private static double sumOfSquares(List<NDArray> gradients) {
        double squares = 0;
        for (NDArray gradient : gradients) {
            try (NDArray square = gradient.square(); NDArray sum = square.sum()) {
                squares += sum.getFloat();
            }
        }
        return squares;
    }
}
