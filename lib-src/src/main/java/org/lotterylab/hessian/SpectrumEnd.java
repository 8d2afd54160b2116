package org.lotterylab.hessian;

/**
 * Which end of a Hessian's spectrum a count starts from. In the dynamics du/dt = −A·u of
 * training linearised at a point, the mode of eigenvalue λ decays like e^(−λt): small (and
 * negative) eigenvalues are the slow modes, large ones the fast modes.
 */
public enum SpectrumEnd {

    /** The smallest eigenvalues first: the slow (and unstable) modes inertial-manifold theory keeps. */
    SLOW,

    /** The largest eigenvalues first: the stiff, high-curvature modes. */
    FAST
}
