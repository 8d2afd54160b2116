package org.lotterylab.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotterylab.display.MimeBundle;

class QuestionsTest {

    private final Questions questions = new Questions();

    @Test
    void aQuestionWhoseChecksAllHoldEarnsItsPoints() {
        questions.question("q1", 2, "Count").test("counts", e -> e.equal("your count", 3, 3))
                .test("is positive", e -> e.that(3 > 0, "negative"));
        CheckReport report = questions.check("q1");
        assertTrue(report.passed());
        assertEquals(Outcome.PASSED, report.outcome());
        assertEquals("all 2 checks pass", report.message());
        assertTrue(report.toString().startsWith("q1 · Count (2 points)"), report.toString());
    }

    @Test
    void aFailingCheckGivesItsHintAndTheOthersStillRun() {
        double kept = 0.23;
        questions.question("q2", 3, "Keep 20%")
                .test("keeps 20% of the weights", e -> e.that(Math.abs(kept - 0.2) < 1e-3,
                        "your mask keeps %.0f%% of the weights; the question asks for 20%%", 100 * kept))
                .test("is a mask", e -> {});
        CheckReport report = questions.check("q2");
        assertFalse(report.passed());
        assertEquals(Outcome.FAILED, report.outcome());
        assertEquals(List.of(Outcome.FAILED, Outcome.PASSED), report.results().stream().map(CheckResult::outcome).toList());
        assertEquals("keeps 20% of the weights: your mask keeps 23% of the weights; the question asks for 20%",
                report.message());
        assertTrue(report.toString().contains("1 of 2 checks pass"), report.toString());
    }

    @Test
    void theStubReadsAsNotAnsweredYetEvenWhenWrapped() {
        questions.question("q3", 1, "Stub")
                .test("direct", e -> {
                    throw new NotAnsweredYet();
                })
                .test("wrapped", e -> {
                    throw new IllegalStateException("in a stream", new NotAnsweredYet());
                });
        CheckReport report = questions.check("q3");
        assertEquals(Outcome.NOT_ANSWERED, report.outcome());
        assertEquals("not answered yet", report.message());
        assertTrue(report.toString().contains("Not answered yet"), report.toString());
    }

    @Test
    void anExceptionOfTheStudentsCodeIsAnErrorThatNamesIt() {
        questions.question("q4", 1, "Throws").test("runs", e -> {
            throw new IllegalArgumentException("fraction must lie in [0, 1)");
        });
        CheckReport report = questions.check("q4");
        assertEquals(Outcome.ERROR, report.outcome());
        assertEquals("runs: your code threw IllegalArgumentException: fraction must lie in [0, 1)", report.message());
    }

    @Test
    void anEndlessRecursionIsReportedNotPropagated() {
        questions.question("q5", 1, "Recursion").test("returns", e -> recurse(0));
        assertEquals(Outcome.ERROR, questions.check("q5").outcome());
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void nearNamesTheValuesAndTheTolerance() {
        questions.question("q6", 1, "Near").test("density", e -> e.near("the density of your mask", 0.25, 0.2, 0.01));
        assertEquals("density: the density of your mask is 0.25; the question asks for 0.2 (± 0.01)",
                questions.check("q6").message());
    }

    @Test
    void aHintWithoutArgumentsIsTakenLiterally() {
        questions.question("q7", 1, "Literal").test("layer-wise", e -> e.that(false, "keeps 20% of every layer"));
        assertEquals("layer-wise: keeps 20% of every layer", questions.check("q7").message());
    }

    @Test
    void declaringAQuestionAgainStartsItsChecksAfresh() {
        questions.question("q1", 1, "First").test("fails", e -> e.fail("no"));
        questions.question("q1", 1, "First").test("passes", e -> {});
        assertTrue(questions.check("q1").passed());
        assertEquals(1, questions.questions().size());
    }

    @Test
    void aQuestionWithoutChecksDoesNotPass() {
        questions.question("q1", 1, "Empty");
        assertFalse(questions.check("q1").passed());
        assertEquals("the question has no checks", questions.check("q1").message());
    }

    @Test
    void anUnknownQuestionSaysWhichCellToRun() {
        questions.question("q1", 1, "One");
        var e = assertThrows(IllegalArgumentException.class, () -> questions.check("q9"));
        assertTrue(e.getMessage().contains("question(\"q9\", ...)") && e.getMessage().contains("[q1]"), e.getMessage());
    }

    @Test
    void badIdsPointsAndDuplicateCheckNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> questions.question("3q", 1, "digit first"));
        assertThrows(IllegalArgumentException.class, () -> questions.question("q1", 0, "no points"));
        var q = questions.question("q1", 1, "One").test("a", e -> {});
        var e = assertThrows(IllegalArgumentException.class, () -> q.test("a", x -> {}));
        assertTrue(e.getMessage().contains("already has a check named"), e.getMessage());
    }

    @Test
    void theVerdictCarriesTheTokenTheOutcomeAndEveryCheck() {
        questions.question("q2", 2, "Two").test("a", e -> {}).test("b", e -> e.fail("b is %d", 7));
        MimeBundle bundle = questions.grade("q2", "secret");
        @SuppressWarnings("unchecked")
        Map<String, Object> verdict = (Map<String, Object>) bundle.data().get(Questions.VERDICT_MIME);
        assertEquals("secret", verdict.get("token"));
        assertEquals("q2", verdict.get("question"));
        assertEquals(false, verdict.get("passed"));
        assertEquals("failed", verdict.get("outcome"));
        assertEquals("b: b is 7", verdict.get("message"));
        assertEquals(2, ((List<?>) verdict.get("checks")).size());
        assertTrue(((String) bundle.data().get(MimeBundle.TEXT_PLAIN)).contains("1 of 2 checks pass"));
    }

    @Test
    void theGradersSubclassKeepsItsOwnQuestions() {
        Classroom.question("q1", 1, "Notebook's").test("fails", e -> e.fail("the notebook's check"));
        Questions grading = new Questions() {
            {
                question("q1", 1, "Grader's").test("passes", e -> {});
            }
        };
        assertTrue(grading.check("q1").passed());
        assertFalse(Classroom.check("q1").passed());
    }
}
