package org.lotterylab.kernel;

import java.util.regex.Pattern;

/**
 * Takes JShell's wrapper names out of text the user reads. JShell compiles each snippet into a
 * class {@code REPL.$JShell$75}: a variable {@code s} of a cell is the field
 * {@code REPL.$JShell$75.s}, a class {@code Point} is {@code REPL.$JShell$12$Point}, and messages
 * such as a NullPointerException's name them so.
 */
final class ReplNames {

    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+[.$]");

    private ReplNames() {}

    /**
     * @param text a message, class name or frame
     * @return the text with every wrapper prefix removed, e.g. {@code "s" is null} for
     *         {@code "REPL.$JShell$75.s" is null}; {@code null} stays {@code null}
     */
    static String clean(String text) {
        return text == null ? null : WRAPPER.matcher(text).replaceAll("");
    }
}
