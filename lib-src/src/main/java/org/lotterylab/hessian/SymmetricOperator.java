package org.lotterylab.hessian;

import ai.djl.ndarray.NDArray;

/**
 * A symmetric linear map known only through its products, as Lanczos needs it: a Hessian, or a
 * matrix in a test.
 */
public interface SymmetricOperator {

    /** @return the dimension d of the vectors it acts on */
    long dimension();

    /**
     * @param v a 1-D float vector of {@link #dimension()} values
     * @return A·v, a new 1-D vector on v's manager
     */
    NDArray times(NDArray v);
}
