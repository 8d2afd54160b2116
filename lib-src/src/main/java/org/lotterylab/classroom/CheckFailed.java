package org.lotterylab.classroom;

/** How {@link Expect} stops a check that does not hold: its message is the hint for the student. */
final class CheckFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CheckFailed(String hint) {
        // No stack trace: the hint is the whole story, and checks fail often.
        super(hint, null, false, false);
    }
}
