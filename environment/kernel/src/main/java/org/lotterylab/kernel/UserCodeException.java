package org.lotterylab.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

/**
 * An exception thrown by the user's code: reported with the user's exception class, message and
 * the frames of the user's call chain ({@link StackFrames}), with JShell's wrapper names taken out
 * ({@link ReplNames}). JShell already cuts the frames below the outermost snippet (the kernel's and
 * JShell's own).
 */
final class UserCodeException extends CellException {

    private static final long serialVersionUID = 1L;

    private final List<String> traceback;

    private UserCodeException(String message, List<String> traceback) {
        super(message);
        this.traceback = traceback;
    }

    /**
     * @param thrown what JShell reported for the snippet
     * @param origins where snippets came from
     * @return the exception, its message being {@code UserClass: user message}
     */
    static UserCodeException of(EvalException thrown, SnippetOrigins origins) {
        StackFrames frames = new StackFrames(origins);
        List<String> lines = new ArrayList<>();
        describe(thrown, frames, lines);
        for (JShellException cause = thrown.getCause(); cause instanceof EvalException e; cause = e.getCause()) {
            lines.add("Caused by:");
            describe(e, frames, lines);
        }
        return new UserCodeException(headline(thrown), lines);
    }

    @Override
    List<String> traceback() {
        return traceback;
    }

    private static void describe(EvalException thrown, StackFrames frames, List<String> lines) {
        lines.add(headline(thrown));
        lines.addAll(frames.describe(thrown.getStackTrace()));
    }

    private static String headline(EvalException thrown) {
        String message = thrown.getMessage();
        return ReplNames.clean(thrown.getExceptionClassName() + (message == null ? "" : ": " + message));
    }
}
