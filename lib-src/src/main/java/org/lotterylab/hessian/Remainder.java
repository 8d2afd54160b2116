package org.lotterylab.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * The nonlinear remainder of a loss gradient around a point w: with u = W − w, gradient flow
 * dW/dt = −∇L(W) reads du/dt + H·u = F(u) with F(u) = −∇L(w) − R(u) and
 * R(u) = ∇L(w + u) − ∇L(w) − H·u. F and R have the same Lipschitz constant, the quantity the
 * spectral gap condition compares gaps with; since R'(u) = H(w + u) − H(w), it is the largest
 * change of the Hessian over the ball.
 */
public final class Remainder {

    private Remainder() {}

    /**
     * Estimates Lip(R) on the ball of the given radius.
     *
     * @param hessian the Hessian at w
     * @param radius the ball's radius, e.g. how far training will move the weights
     * @param directions random directions u on the sphere of that radius
     * @param iterations power iterations for ‖H(w + u) − H(w)‖₂ in each direction
     * @param seed the seed of the directions and start vectors
     * @param manager where the vectors are created
     * @return the estimate
     */
    public static LipschitzEstimate lipschitz(LossHessian hessian, double radius, int directions, int iterations,
            long seed, NDManager manager) {
        if (!(radius > 0) || directions < 1 || iterations < 1) {
            throw new IllegalArgumentException("need radius > 0, directions ≥ 1 and iterations ≥ 1; got " + radius
                    + ", " + directions + ", " + iterations);
        }
        long before = hessian.products();
        long shiftedProducts = 0;
        double largest = 0;
        long d = hessian.dimension();
        for (int s = 0; s < directions; s++) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray u = RandomDirection.unit(d, seed + 2L * s, manager).mul(radius);
                try (LossHessian shifted = hessian.at(u)) {
                    NDArray x = RandomDirection.unit(d, seed + 2L * s + 1, manager);
                    for (int t = 0; t < iterations; t++) {
                        NDArray y = shifted.times(x).sub(hessian.times(x));
                        double norm = y.norm().getDouble();
                        largest = Math.max(largest, norm);
                        if (norm == 0) {
                            break;
                        }
                        x = y.div(norm);
                    }
                    shiftedProducts += shifted.products();
                }
            }
        }
        return new LipschitzEstimate(largest, radius, directions, iterations, hessian.products() - before + shiftedProducts);
    }
}
