package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The update of one run, built by {@link Updates#start}: which arrays it may change, which of them
 * each step changes, and the change itself (a DJL optimizer's, from the gradients of the step's batch).
 */
public interface StepUpdate {

    /**
     * @return every array the run may change, by a name that says what it is (e.g.
     *     {@code fc1.weight}, {@code scores of fc1.weight}); training zeroes their gradients before
     *     every backward pass and names the first non-finite one when it diverges
     */
    Map<String, NDArray> arrays();

    /**
     * @param iteration a step of this update, from 0
     * @return the arrays that step changes; a gradient transform sees these
     */
    Map<String, NDArray> arrays(int iteration);

    /**
     * Changes the arrays of step {@code iteration} from their gradients (which hold the step's
     * batch alone).
     *
     * @param iteration a step of this update, from 0
     */
    void apply(int iteration);
}
