package org.lotterylab.train;

/**
 * A {@link GradientTransform} met a gradient that is not finite; the training loop turns it into a
 * {@link TrainingDivergedException} for the step, naming the first such gradient.
 */
final class NonFiniteGradientException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    NonFiniteGradientException(double norm) {
        super("the gradients' global norm is " + norm);
    }
}
