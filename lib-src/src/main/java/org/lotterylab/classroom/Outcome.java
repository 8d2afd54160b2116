package org.lotterylab.classroom;

/** What one check concluded about a student's answer. */
public enum Outcome {
    /** The answer does what the check asks. */
    PASSED,
    /** The answer does not; the check's hint says how it differs. */
    FAILED,
    /** The answer is still the stub that throws {@link NotAnsweredYet}. */
    NOT_ANSWERED,
    /** The student's code threw an exception the check did not expect. */
    ERROR;

    /** @return the outcome as a gradebook and a student read it, e.g. {@code "not answered"} */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
