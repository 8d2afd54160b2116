package org.lotterylab.classroom;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The checks of one question, run: what a student sees after {@code check("q2")} and what the
 * grader records.
 *
 * @param question the question's id, e.g. {@code "q2"}
 * @param title what the question asks, in a few words
 * @param points what the question is worth
 * @param results one per check, in the order the checks were declared
 */
public record CheckReport(String question, String title, double points, List<CheckResult> results) {

    /** Copies the results. */
    public CheckReport {
        results = List.copyOf(results);
    }

    /** @return whether the question has checks and every one passed: the question earns its points */
    public boolean passed() {
        return !results.isEmpty() && results.stream().allMatch(r -> r.outcome() == Outcome.PASSED);
    }

    /**
     * The question's outcome: not answered when any check met the stub, else the first outcome that
     * is not a pass, else passed.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        if (results.stream().anyMatch(r -> r.outcome() == Outcome.NOT_ANSWERED)) {
            return Outcome.NOT_ANSWERED;
        }
        return results.stream().map(CheckResult::outcome).filter(o -> o != Outcome.PASSED).findFirst()
                .orElse(results.isEmpty() ? Outcome.FAILED : Outcome.PASSED);
    }

    /** @return one line for a gradebook: which checks pass, or the first failing check's hint */
    public String message() {
        long passing = results.stream().filter(r -> r.outcome() == Outcome.PASSED).count();
        if (results.isEmpty()) {
            return "the question has no checks";
        }
        if (outcome() == Outcome.NOT_ANSWERED) {
            return "not answered yet";
        }
        if (passed()) {
            return passing == 1 ? "its check passes" : "all " + passing + " checks pass";
        }
        List<CheckResult> failing = results.stream().filter(r -> r.outcome() != Outcome.PASSED).toList();
        CheckResult first = failing.get(0);
        String more = failing.size() > 1 ? " (and " + (failing.size() - 1) + " more failing)" : "";
        return first.name() + ": " + first.message() + more;
    }

    /** @return the report as a student reads it: the question, every check with its hint, the tally */
    @Override
    public String toString() {
        long passing = results.stream().filter(r -> r.outcome() == Outcome.PASSED).count();
        String header = String.format("%s · %s (%s %s)", question, title, Numbers.readable(points),
                points == 1 ? "point" : "points");
        String lines = results.stream().map(r -> "  " + r).collect(Collectors.joining("\n"));
        String tally = outcome() == Outcome.NOT_ANSWERED
                ? "Not answered yet: replace the stub `throw new NotAnsweredYet();` with your answer."
                : passing + " of " + results.size() + " checks pass" + (passed() ? "." : "; see the hints above.");
        return header + "\n" + lines + "\n" + tally;
    }
}
