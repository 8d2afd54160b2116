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
 * scores' gradients (sign(s) is the derivative of the importance |s| the mask is ranked by).
 *
 * @param scored the scored net, holding the step's gradients (of its weights too)
 * @param gamma γ of the lower level's ridge term
 */
record ImplicitGradient(ScoredNet scored, double gamma) implements GradientTransform {

    @Override
    public void apply(Map<String, NDArray> arrays) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            scored.scores().forEach((name, s) -> {
                NDArray weightGradient = scored.net().parameter(name).getArray().getGradient();
                NDArray term = weightGradient.square().mul(s.sign()).div(gamma);
                s.getGradient().subi(term);
            });
        }
    }
}
