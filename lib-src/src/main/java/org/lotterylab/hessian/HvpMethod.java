package org.lotterylab.hessian;

/**
 * How a Hessian-vector product is computed.
 *
 * <p>{@link #DOUBLE_BACKPROP} differentiates the gradient itself: exact, about two gradients'
 * cost, PyTorch engine only (DJL exposes {@code JniUtils.backward(..., createGraph = true)}; there
 * is no {@code autograd.grad}). Its catch: a gradient built with a graph stays in the leaves'
 * {@code .grad} and forms a parameter↔gradient reference cycle that PyTorch never frees, and DJL
 * cannot reset {@code .grad}, so every product leaks the saved activations of its batch (measured:
 * about 0.4 KB per sample for a 196-16-10 MLP). Fine for a few products (GraSP), not for a spectrum.
 *
 * <p>{@link #FINITE_DIFFERENCES} works on any engine at the same cost and frees everything:
 * (g(w + εv) − g(w − εv)) / 2ε in double precision, accurate to about 1e-8 where the loss is
 * smooth. A ReLU or max-pool that switches branch inside the step makes the gradient jump; the
 * jump is detected (the second difference is then not O(ε²)) and the step retried smaller.
 */
public enum HvpMethod {

    /** Differentiate the gradient's inner product with v: exact, PyTorch engine only, leaks a graph per product. */
    DOUBLE_BACKPROP,

    /** Central differences of two double-precision gradients: any engine, no leak, exact to ~1e-8. */
    FINITE_DIFFERENCES
}
