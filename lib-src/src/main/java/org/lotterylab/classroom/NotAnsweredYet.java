package org.lotterylab.classroom;

/**
 * Thrown by the stub that replaces a solution in the student version of a lab. Checks report it as
 * "not answered yet" instead of an error, so an untouched lab reads as a to-do list.
 */
public final class NotAnsweredYet extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The stub's exception: its message tells the student what to replace. */
    public NotAnsweredYet() {
        super("not answered yet: replace the line `throw new NotAnsweredYet();` with your answer");
    }
}
