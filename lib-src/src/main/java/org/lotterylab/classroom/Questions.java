package org.lotterylab.classroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.display.MimeBundle;

/**
 * The questions of a lab and their checks. A notebook uses the one behind {@link Classroom}'s
 * static methods; the grader makes its own, as an anonymous subclass whose initializer is the
 * teacher's check cell, hidden checks included:
 *
 * <pre>{@code
 * new org.lotterylab.classroom.Questions() {{
 *     question("q2", 2, "Keep the largest weights").test(...);   // the teacher's check cell
 * }}.grade("q2", "3f9c...")
 * }</pre>
 *
 * Inside that initializer {@code question} is the inherited method, whatever a student declared
 * under that name, and the verdict is the cell's value: a student's code can neither replace the
 * checks nor print a verdict in their place. That is why this class is not final.
 */
public class Questions {

    /** The MIME type of a verdict; the grader reads verdicts of this type only from its own cells. */
    public static final String VERDICT_MIME = "application/vnd.lotterylab.grade+json";

    private final Map<String, Question> questions = new LinkedHashMap<>();

    /** An empty set of questions. */
    public Questions() {}

    /**
     * Declares a question, replacing one of the same id with its checks: running a check cell
     * again starts its question afresh.
     *
     * @param id what students type in {@code check(id)}, e.g. {@code "q3"}
     * @param points what the question is worth, &gt; 0
     * @param title what it asks, in a few words
     * @return the question, to add its checks to
     * @throws IllegalArgumentException for a malformed id or points that are not positive
     */
    public final synchronized Question question(String id, double points, String title) {
        Question question = new Question(id, points, title);
        questions.put(id, question);
        return question;
    }

    /**
     * Runs the checks of a question.
     *
     * @param id the question's id
     * @return the report: every check with its hint, and whether the question earns its points
     * @throws IllegalArgumentException when no question has that id
     */
    public final CheckReport check(String id) {
        return find(id).run();
    }

    /**
     * Runs the checks of a question and returns the verdict as the grader reads it: the report as
     * text, and as JSON under {@link #VERDICT_MIME} with the grader's token, which the student's
     * notebook never contains.
     *
     * @param id the question's id
     * @param token the grader's secret for this submission
     * @return the verdict, to be the grading cell's value
     */
    public final MimeBundle grade(String id, String token) {
        CheckReport report = check(id);
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("token", token);
        verdict.put("question", report.question());
        verdict.put("passed", report.passed());
        verdict.put("outcome", report.outcome().label());
        verdict.put("message", report.message());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (CheckResult result : report.results()) {
            checks.add(Map.of("name", result.name(), "outcome", result.outcome().label(), "message", result.message()));
        }
        verdict.put("checks", checks);
        return new MimeBundle(Map.of(MimeBundle.TEXT_PLAIN, report.toString(), VERDICT_MIME, verdict), Map.of());
    }

    /** @return the questions declared so far, in the order they were first declared */
    public final synchronized List<Question> questions() {
        return List.copyOf(questions.values());
    }

    private synchronized Question find(String id) {
        Question question = questions.get(id);
        if (question == null) {
            throw new IllegalArgumentException("no question \"" + id + "\" yet: run the cell that declares it with question(\""
                    + id + "\", ...) first" + (questions.isEmpty() ? "" : " (declared so far: " + questions.keySet() + ")"));
        }
        return question;
    }
}
