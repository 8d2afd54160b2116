package org.lotterylab.subsetsum;

/** How a subset-sum solve ended. Only {@link #REACHED} means the error is within ε. */
public enum SolveStatus {
    /** A subset within ε of the target was found (its error re-checked in doubles). */
    REACHED,
    /** Proven: no subset is within ε of the target (out of range, exhausted, or CP-SAT's proof). */
    INFEASIBLE,
    /** The time limit ran out before a subset within ε was found or ruled out. */
    TIME_LIMIT,
    /**
     * The search ended without reaching ε and without a proof that no subset does: the heuristic's
     * local search, or CP-SAT's optimum falling within the rounding slack of ε.
     */
    NOT_FOUND
}
