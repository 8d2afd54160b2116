package org.lotterylab.classroom;

/**
 * One check of a student's answer: calls the answer, compares what it returns with what the
 * question asks, and says what differs through {@link Expect}. A check that returns normally passes.
 *
 * <pre>{@code
 * expect -> expect.near("the density of your mask", mask(net, 0.2).density(), 0.2, 1e-3)
 * }</pre>
 */
@FunctionalInterface
public interface Check {

    /**
     * @param expect how the check states what must hold; its hints reach the student
     * @throws Exception whatever the student's code throws: the check then reports an error
     */
    void run(Expect expect) throws Exception;
}
