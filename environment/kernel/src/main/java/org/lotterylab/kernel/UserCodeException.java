package org.lotterylab.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

/**
 * An exception thrown by the user's code: reported with the user's exception class, message and
 * the frames of the user's call chain, snippet frames named by cell and line. JShell already cuts
 * the frames below the outermost snippet (the kernel's and JShell's own).
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
        List<String> lines = new ArrayList<>();
        describe(thrown, origins, lines);
        for (JShellException cause = thrown.getCause(); cause instanceof EvalException e; cause = e.getCause()) {
            lines.add("Caused by:");
            describe(e, origins, lines);
        }
        return new UserCodeException(headline(thrown), lines);
    }

    @Override
    List<String> traceback() {
        return traceback;
    }

    private static void describe(EvalException thrown, SnippetOrigins origins, List<String> lines) {
        lines.add(headline(thrown));
        for (StackTraceElement frame : thrown.getStackTrace()) {
            lines.add("    at " + frame(frame, origins));
        }
    }

    private static String headline(EvalException thrown) {
        String message = thrown.getMessage();
        return thrown.getExceptionClassName() + (message == null ? "" : ": " + message);
    }

    // JShell names a snippet frame's file "#<snippet id>" and gives the line within the snippet;
    // the wrapper of top-level code has an empty method name.
    private static String frame(StackTraceElement frame, SnippetOrigins origins) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return frame.toString();
        }
        String where = origins.describe(file.substring(1), frame.getLineNumber());
        String method = frame.getMethodName();
        String owner = frame.getClassName();
        if (method.isEmpty()) {
            return where;
        }
        return (owner.isEmpty() ? "" : owner + ".") + method + " (" + where + ")";
    }
}
