package org.lotterylab.classroom;

import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link Check} expects of an answer. Each method returns when the expectation holds and
 * otherwise ends the check with a hint written for the student: what their answer did, and what
 * the question asks for ("your mask keeps 23% of the weights; the question asks for 20%").
 *
 * <p>Checks receive it as their lambda's parameter, so a student cannot replace it by declaring
 * a method of the same name.
 */
public final class Expect {

    Expect() {}

    /**
     * @param holds whether the answer is right in this respect
     * @param hint for when it is not: a {@link String#format} pattern (root locale) when {@code args}
     *     are given, else the text as it is, so that "20% of every layer" needs no escaping
     * @param args the pattern's arguments
     */
    public void that(boolean holds, String hint, Object... args) {
        if (!holds) {
            fail(hint, args);
        }
    }

    /**
     * Expects a number within a tolerance of a reference.
     *
     * @param what the quantity, as the hint names it, e.g. {@code "the density of your mask"}
     * @param actual the student's value
     * @param expected the reference value
     * @param tolerance the largest difference accepted, ≥ 0
     */
    public void near(String what, double actual, double expected, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("a tolerance must be ≥ 0, got " + tolerance);
        }
        that(Math.abs(actual - expected) <= tolerance, "%s is %s; the question asks for %s (± %s)",
                what, Numbers.readable(actual), Numbers.readable(expected), Numbers.readable(tolerance));
    }

    /**
     * Expects a value equal to a reference ({@link Objects#equals}).
     *
     * @param what the value, as the hint names it, e.g. {@code "the number of weights"}
     * @param actual the student's value
     * @param expected the reference value
     */
    public void equal(String what, Object actual, Object expected) {
        that(Objects.equals(actual, expected), "%s is %s; the question asks for %s", what, actual, expected);
    }

    /**
     * Ends the check: the answer is wrong.
     *
     * @param hint what is wrong: a {@link String#format} pattern (root locale) when {@code args} are
     *     given, else the text as it is
     * @param args the pattern's arguments
     */
    public void fail(String hint, Object... args) {
        throw new CheckFailed(args.length == 0 ? hint : String.format(Locale.ROOT, hint, args));
    }
}
