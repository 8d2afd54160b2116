package org.lotterylab.classroom;

/**
 * The check API of a lab notebook, imported with {@code import static org.lotterylab.classroom.Classroom.*}:
 * a check cell declares its question and checks, then runs them.
 *
 * <pre>{@code
 * question("q1", 1, "Count the weights")
 *     .test("counts LeNet-300-100's weights", expect -> expect.equal("your count", countWeights(net), 266_200L));
 * check("q1")
 * }</pre>
 */
public final class Classroom {

    private static final Questions NOTEBOOK = new Questions();

    private Classroom() {}

    /**
     * Declares a question of this notebook (again: its checks start afresh).
     *
     * @param id what {@link #check} takes, e.g. {@code "q1"}
     * @param points what the question is worth
     * @param title what it asks, in a few words
     * @return the question, to add its checks to
     */
    public static Question question(String id, double points, String title) {
        return NOTEBOOK.question(id, points, title);
    }

    /**
     * Runs the checks of a question of this notebook; the cell shows the report.
     *
     * @param id the question's id
     * @return what passed and, for what did not, a hint
     */
    public static CheckReport check(String id) {
        return NOTEBOOK.check(id);
    }
}
