package org.lotterylab.bip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Map;
import org.lotterylab.scores.ScoredNet;
import org.lotterylab.train.GradientTransform;

/**
 * BiP's implicit-gradient term, with the lower level's Hessian taken as zero. With {@code z = m ⊙ θ}
 * and {@code g = ∂ℓ/∂z}, the upper level's gradient is
 * {@code dℓ/dm ≈ θ ⊙ g − (1/γ)·g ⊙ (m ⊙ g)}. The first term is the straight-through gradient the
 * backward pass already left on the scores; the second needs no second-order autodiff: since
 * {@code ∂ℓ/∂θ = m ⊙ g} and m is 0/1, {@code g ⊙ (m ⊙ g) = (∂ℓ/∂θ)²}.
 *
 * <p>A gradient transform of the mask step: it adds {@code −(1/γ)·(∂ℓ/∂θ)² · sign(s)} to the
 * scores' gradients (sign(s) is the derivative of the importance |s| the mask is ranked by). It
 * measures both terms' norms at every step ({@link #sizes()}); with {@code applied} false it only
 * measures (the ablation).
 */
final class ImplicitGradient implements GradientTransform {

    private final ScoredNet scored;
    private final double gamma;
    private final boolean applied;
    private TermSizes sizes = TermSizes.NONE;

    /**
     * @param scored the scored net, holding the step's gradients (of its weights too)
     * @param gamma γ of the lower level's ridge term
     * @param applied whether the term is added to the scores' gradients, or only measured
     */
    ImplicitGradient(ScoredNet scored, double gamma, boolean applied) {
        this.scored = scored;
        this.gamma = gamma;
        this.applied = applied;
    }

    /** The term, added to the gradients. */
    ImplicitGradient(ScoredNet scored, double gamma) {
        this(scored, gamma, true);
    }

    /** @return the mean norms of the straight-through gradient and of the term over the steps so far */
    TermSizes sizes() {
        return sizes;
    }

    @Override
    public void apply(Map<String, NDArray> arrays) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            double straightSquares = 0;
            double termSquares = 0;
            for (Map.Entry<String, NDArray> e : scored.scores().entrySet()) {
                NDArray s = e.getValue();
                NDArray weightGradient = scored.net().parameter(e.getKey()).getArray().getGradient();
                NDArray term = weightGradient.square().mul(s.sign()).div(gamma);
                straightSquares += s.getGradient().square().sum().getFloat();
                termSquares += term.square().sum().getFloat();
                if (applied) {
                    s.getGradient().subi(term);
                }
            }
            sizes = sizes.plus(Math.sqrt(straightSquares), Math.sqrt(termSquares));
        }
    }
}
