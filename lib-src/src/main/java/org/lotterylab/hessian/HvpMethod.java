package org.lotterylab.hessian;

import ai.djl.engine.Engine;

/**
 * How a Hessian-vector product is computed.
 *
 * <p>{@link #DOUBLE_BACKPROP} is exact up to rounding and costs about two gradients; it needs an
 * engine whose gradients can themselves be differentiated, which DJL exposes only for PyTorch
 * ({@code JniUtils.backward(..., createGraph = true)}). {@link #FINITE_DIFFERENCES} works on any
 * engine at the same cost, (g(w + εv) − g(w − εv)) / 2ε, with an error of order ε² from the third
 * derivative and of order (float rounding)/ε from the subtraction.
 */
public enum HvpMethod {

    /** Differentiate the gradient's inner product with v: exact, PyTorch engine only. */
    DOUBLE_BACKPROP,

    /** Central differences of two gradients: any engine, approximate. */
    FINITE_DIFFERENCES;

    /**
     * @param engine the engine the net runs on
     * @return {@link #DOUBLE_BACKPROP} on PyTorch, {@link #FINITE_DIFFERENCES} elsewhere
     */
    public static HvpMethod supportedBy(Engine engine) {
        return "PyTorch".equals(engine.getEngineName()) ? DOUBLE_BACKPROP : FINITE_DIFFERENCES;
    }
}
