package org.lotterylab.hessian;

/**
 * An estimate of Lip(R) on the ball ‖u‖ ≤ radius, where R(u) = ∇L(w + u) − ∇L(w) − H·u is the
 * nonlinear remainder of the gradient at w: the largest ‖H(w + u) − H(w)‖₂ seen over random
 * directions u of that length, each norm found by power iteration. It is a lower bound of the
 * true constant (a supremum over the whole ball).
 *
 * @param value the estimate
 * @param radius the radius of the ball
 * @param directions how many random directions were tried
 * @param iterations power iterations per direction
 * @param products the Hessian-vector products it cost
 */
public record LipschitzEstimate(double value, double radius, int directions, int iterations, long products) {}
