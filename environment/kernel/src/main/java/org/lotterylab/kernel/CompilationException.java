package org.lotterylab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import jdk.jshell.Diag;

/**
 * Code of a cell that does not compile: each error with the cell's line and column, the offending
 * source line and a caret under the spot.
 */
final class CompilationException extends CellException {

    private static final long serialVersionUID = 1L;

    private final List<String> traceback;
    /** Where the snippet that failed starts, e.g. {@code In[3] line 5}; null when unknown. */
    private final SnippetStart start;

    private CompilationException(String message, List<String> traceback, SnippetStart start) {
        super(message);
        this.traceback = traceback;
        this.start = start;
    }

    /** The cell, line and column a failing snippet starts at. */
    private record SnippetStart(String label, int line, int column) {

        static SnippetStart of(CellSource source, int offset) {
            return new SnippetStart(source.label(), source.lineOf(offset), source.columnOf(offset));
        }

        /** @return what ran before the snippet, e.g. "Lines 1–2 of In[3] already ran; line 3 and everything after it did not." */
        String ranBefore() {
            if (column > 1) {
                return "The code of " + label + " before line " + line + ", column " + column
                        + " already ran; the rest of the cell did not.";
            }
            String ran = line == 2 ? "Line 1" : "Lines 1–" + (line - 1);
            return ran + " of " + label + " already ran; line " + line + " and everything after it did not.";
        }
    }

    /**
     * @param errors JShell's diagnostics of the rejected snippet (warnings are skipped)
     * @param source the cell
     * @param offset where the snippet starts in the cell; diagnostic positions are relative to it
     * @return the exception describing every error
     */
    static CompilationException of(List<Diag> errors, CellSource source, int offset) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : errors) {
            if (!diag.isError()) {
                continue;
            }
            int at = offset + (int) Math.max(0, diag.getPosition());
            int line = source.lineOf(at);
            int column = source.columnOf(at);
            String where = source.label() + " line " + line + ", column " + column;
            List<String> message = messageLines(diag);
            if (first == null) {
                first = where + ": " + message.get(0);
            }
            lines.add("Compile error at " + where + ": " + message.get(0));
            message.stream().skip(1).forEach(detail -> lines.add("    " + detail.strip()));
            String code = source.line(line);
            lines.add("    " + code);
            lines.add("    " + caretPadding(code, column) + "^");
        }
        return new CompilationException(first == null ? "the code does not compile" : first, lines,
                SnippetStart.of(source, offset));
    }

    /**
     * @param message why a declaration cannot be used, without a source position
     * @return the exception
     */
    static CompilationException unpositioned(String message) {
        return new CompilationException(message, List.of("Compile error: " + message), null);
    }

    /**
     * @return this error with a last line saying that the code before the failing snippet ran:
     *         JShell compiles a snippet only in its turn, after the snippets before it ran
     */
    CompilationException afterEarlierLinesRan() {
        if (start == null || (start.line() == 1 && start.column() == 1)) {
            return this;
        }
        List<String> lines = new ArrayList<>(traceback);
        lines.add(start.ranBefore());
        return new CompilationException(getMessage(), List.copyOf(lines), start);
    }

    /**
     * @param message why the snippet cannot be used, e.g. a declaration with unresolved references
     * @param source the cell
     * @param offset where the snippet starts in the cell
     * @return the exception, naming the snippet's first line
     */
    static CompilationException ofSnippet(String message, CellSource source, int offset) {
        SnippetStart start = SnippetStart.of(source, offset);
        return new CompilationException(message,
                List.of("Compile error at " + start.label() + " line " + start.line() + ": " + message), start);
    }

    @Override
    List<String> traceback() {
        return traceback;
    }

    // javac names the class JShell wraps snippets in, which means nothing to the user.
    private static List<String> messageLines(Diag diag) {
        return Stream.of(diag.getMessage(Locale.ROOT).split("\n"))
                .filter(line -> !line.strip().matches("location: class\\s*"))
                .toList();
    }

    // Keeps the line's tabs so the caret lines up however the notebook renders them.
    private static String caretPadding(String code, int column) {
        String before = code.substring(0, Math.min(code.length(), column - 1));
        return before.replaceAll("[^\t]", " ");
    }
}
