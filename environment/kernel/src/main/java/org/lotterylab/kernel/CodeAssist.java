package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/** Completion, completeness and inspection of a cell's code, answered by JShell's analysis. */
final class CodeAssist {

    /** What Jupyter expects from an is_complete request, besides an indent for "incomplete". */
    private static final String COMPLETE = "complete";
    private static final String INVALID = "invalid";
    private static final String INCOMPLETE_INDENT = "    ";

    private final JavaEvaluator java;
    private final Javadocs javadocs;

    CodeAssist(JavaEvaluator java) {
        this.java = java;
        this.javadocs = new Javadocs(java);
    }

    /**
     * @param code the cell
     * @param cursor the cursor's offset
     * @return the completions and the range they replace
     */
    ReplacementOptions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> options = analysis().completionSuggestions(code, cursor, anchor).stream()
                .map(Suggestion::continuation)
                .distinct()
                .toList();
        return new ReplacementOptions(options, anchor[0], cursor);
    }

    /**
     * @param code the cell
     * @return {@link #COMPLETE}, {@link #INVALID}, or the indent of the next line when the code is unfinished
     */
    String isComplete(String code) {
        String rest = code;
        while (true) {
            if (rest.startsWith("%")) {
                return COMPLETE; // magics are lines of their own
            }
            SourceCodeAnalysis.CompletionInfo info = analysis().analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                return COMPLETE;
            }
            if (completeness == Completeness.UNKNOWN) {
                return INVALID;
            }
            if (!completeness.isComplete()) {
                return INCOMPLETE_INDENT;
            }
            rest = info.remaining().stripLeading();
        }
    }

    /**
     * @param code the cell
     * @param cursor the cursor's offset, anywhere in or just after a name
     * @param detail whether the whole Javadoc is wanted (Shift+Tab twice), not only its first sentence
     * @return the signatures (or a variable's type) of the name under the cursor, each with its
     *         Javadoc where one is found; {@code null} when there is nothing to say
     */
    DisplayData inspect(String code, int cursor, boolean detail) {
        int end = identifierEnd(code, cursor);
        List<Documentation> docs = analysis().documentation(code, end, true);
        if (docs.isEmpty()) {
            // JShell documents a method from inside its argument list: open one if the name has none.
            String call = code.startsWith("(", end) ? code : code.substring(0, end) + "(" + code.substring(end);
            docs = analysis().documentation(call, end + 1, true);
        }
        String text = docs.stream()
                .map(doc -> javadocs.of(doc, detail).map(javadoc -> doc.signature() + "\n" + indent(javadoc)).orElse(doc.signature()))
                .collect(Collectors.joining("\n\n"));
        return text.isEmpty() ? null : new DisplayData(text);
    }

    private static String indent(String text) {
        return text.lines().map(line -> line.isBlank() ? "" : "    " + line).collect(Collectors.joining("\n"));
    }

    private SourceCodeAnalysis analysis() {
        return java.analysis();
    }

    // The name under the cursor is inspected whole, wherever in it the cursor stands.
    private static int identifierEnd(String code, int cursor) {
        int end = Math.min(cursor, code.length());
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return end;
    }
}
