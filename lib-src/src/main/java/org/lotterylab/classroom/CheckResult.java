package org.lotterylab.classroom;

/**
 * What one check of a question concluded.
 *
 * @param name what the check verifies, e.g. {@code "keeps 20% of the weights"}
 * @param outcome passed, failed, not answered, or an error in the student's code
 * @param message the hint when it failed, the exception when the code threw, empty when it passed
 */
public record CheckResult(String name, Outcome outcome, String message) {

    /** @return one line for a student: a mark, the check's name and, unless it passed, why */
    @Override
    public String toString() {
        String mark = outcome == Outcome.PASSED ? "✓" : "✗";
        return message.isEmpty() ? mark + " " + name : mark + " " + name + " — " + message;
    }
}
