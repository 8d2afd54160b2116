/**
 * Classroom labs: questions with points, checks that give students hints, and the grader's
 * unforgeable verdicts.
 *
 * <p>A lab notebook declares each question in a check cell, with public checks and, between
 * {@code // BEGIN HIDDEN TESTS} and {@code // END HIDDEN TESTS} lines, hidden ones that
 * {@code environment/lab assign} removes from the student version:
 *
 * <pre>{@code
 * import org.lotterylab.classroom.*;
 * import static org.lotterylab.classroom.Classroom.*;
 *
 * question("q2", 2, "Keep the largest weights")
 *     .test("keeps 20% of the weights", expect -> {
 *         double kept = keepLargest(weights, 0.2).mean().getFloat();
 *         expect.that(Math.abs(kept - 0.2) < 1e-3,
 *                 "your mask keeps %.0f%% of the weights; the question asks for 20%%", 100 * kept);
 *     });
 * check("q2")
 * }</pre>
 *
 * <p>A student's unanswered method throws {@link NotAnsweredYet}; a check reports that as "not
 * answered yet". The grader runs the teacher's checks, hidden ones included, in an anonymous
 * subclass of {@link Questions} whose inherited {@code question} a student cannot redefine, and
 * reads the verdict that {@link Questions#grade} returns.
 */
package org.lotterylab.classroom;
