package org.lotterylab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Java source evaluated by JShell in this JVM: cuts a cell into snippets (all of it, before any
 * runs), runs them in order and returns the real object of the last expression. Errors come back
 * as {@link CellException}s.
 */
final class JavaEvaluator implements AutoCloseable {

    /** Snippets whose value a notebook shows: a bare expression or a variable's name. */
    private static final Set<Snippet.SubKind> VALUE_KINDS =
            Set.of(Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND, Snippet.SubKind.VAR_VALUE_SUBKIND);

    private final JShell shell;
    private final SnippetExecutionControl control;
    private final SnippetOrigins origins = new SnippetOrigins();

    private JavaEvaluator(JShell shell, SnippetExecutionControl control) {
        this.shell = shell;
        this.control = control;
    }

    /**
     * Starts a JShell whose snippets run in this JVM.
     *
     * @param classPath what snippets compile against at first (the kernel's own class path)
     * @return the evaluator
     */
    static JavaEvaluator start(String classPath) {
        SnippetExecutionProvider provider = new SnippetExecutionProvider();
        // -g: local variables keep their names, so a NullPointerException can name the one that was null.
        JShell shell = JShell.builder().executionEngine(provider, Map.of()).compilerOptions("-g").build();
        shell.addToClasspath(classPath);
        return new JavaEvaluator(shell, provider.control());
    }

    /**
     * Parses and runs a cell, as {@link #parse} and {@link #run} do.
     *
     * @param source the cell
     * @return the value of the cell's last snippet when that is an expression
     * @throws CellException when a snippet does not compile, throws, or the cell is interrupted
     */
    Optional<CellValue> eval(CellSource source) throws CellException {
        return run(parse(source), false);
    }

    /**
     * Cuts a cell into snippets by syntax alone: a part that does not parse anywhere in the cell is
     * reported before anything of the cell runs.
     *
     * @param source the cell
     * @return its snippets
     * @throws CompilationException when some part of the cell does not parse
     */
    ParsedCell parse(CellSource source) throws CompilationException {
        String text = source.text();
        List<ParsedCell.Piece> pieces = new ArrayList<>();
        int offset = 0;
        while ((offset = codeStart(text, offset)) < text.length()) {
            String rest = text.substring(offset);
            CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (completeness == Completeness.UNKNOWN || completeness == Completeness.DEFINITELY_INCOMPLETE) {
                throw unparsable(rest, source, offset);
            }
            // A rest that is only considered unfinished (e.g. `if (x)`) goes to JShell as it is, in its turn.
            boolean complete = completeness.isComplete();
            pieces.add(new ParsedCell.Piece(offset, complete ? info.source() : rest));
            offset = complete ? text.length() - info.remaining().length() : text.length();
        }
        return new ParsedCell(source, pieces);
    }

    /**
     * Runs the snippets of a cell in order, stopping at the first failure. JShell compiles each
     * snippet in its turn, against what the snippets before it declared: a snippet that does not
     * compile is found after those before it ran, and the error says which lines ran.
     *
     * @param cell the parsed cell
     * @param codeRanBefore whether other code of the same cell already ran (Java before a line magic, the magic)
     * @return the value of the cell's last snippet when that is an expression
     * @throws CellException when a snippet does not compile, throws, or the cell is interrupted
     */
    Optional<CellValue> run(ParsedCell cell, boolean codeRanBefore) throws CellException {
        control.resetStop();
        Optional<CellValue> last = Optional.empty();
        boolean ran = codeRanBefore;
        try {
            for (ParsedCell.Piece piece : cell.snippets()) {
                try {
                    last = evalSnippet(piece.code(), cell.source(), piece.offset());
                } catch (CompilationException e) {
                    throw ran ? e.afterEarlierLinesRan() : e;
                }
                ran = true;
            }
        } finally {
            control.clearValues();
        }
        return last;
    }

    // JShell rejects code that does not parse without defining or running anything: its
    // diagnostics say what is wrong and where.
    private CompilationException unparsable(String code, CellSource source, int offset) {
        for (SnippetEvent event : shell.eval(code)) {
            if (event.status() == Snippet.Status.REJECTED) {
                return CompilationException.of(shell.diagnostics(event.snippet()).toList(), source, offset);
            }
        }
        return CompilationException.unpositioned("this code does not parse: " + code.strip());
    }

    /**
     * JShell numbers a statement's lines from its first token but other snippets' lines from their
     * first character; cutting blank lines and comments off the front makes both agree with the
     * offset the snippet is recorded at.
     */
    private static int codeStart(String text, int from) {
        int at = from;
        while (at < text.length()) {
            if (Character.isWhitespace(text.charAt(at))) {
                at++;
            } else if (text.startsWith("//", at)) {
                int end = text.indexOf('\n', at);
                at = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", at) && text.indexOf("*/", at + 2) >= 0) {
                at = text.indexOf("*/", at + 2) + 2;
            } else {
                break;
            }
        }
        return at;
    }

    private Optional<CellValue> evalSnippet(String code, CellSource source, int offset) throws CellException {
        List<SnippetEvent> events = shell.eval(code);
        if (control.stopRequested()) {
            throw new CellInterruptedException();
        }
        Optional<CellValue> value = Optional.empty();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet's update, not the code just run
            }
            Snippet snippet = event.snippet();
            origins.record(snippet.id(), source, offset);
            if (event.status() == Snippet.Status.REJECTED) {
                throw CompilationException.of(shell.diagnostics(snippet).toList(), source, offset);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                throw CompilationException.ofSnippet(unresolved((DeclarationSnippet) snippet), source, offset);
            }
            if (event.exception() != null) {
                throw failure(event.exception());
            }
            if (VALUE_KINDS.contains(snippet.subKind())) {
                value = Optional.of(new CellValue(control.takeValue(event.value())));
            }
        }
        return value;
    }

    private CellException failure(JShellException thrown) {
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            return CompilationException.unpositioned(unresolved(unresolved.getSnippet()));
        }
        return UserCodeException.of((EvalException) thrown, origins);
    }

    private String unresolved(DeclarationSnippet snippet) {
        String missing = shell.unresolvedDependencies(snippet).collect(Collectors.joining(", "));
        return snippet.name() + " cannot be used until these are declared: " + missing;
    }

    /**
     * Adds a jar or class folder for both compiling and running snippets.
     *
     * @param path the entry
     */
    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** @return the class loader of the snippets, which also sees every added class path entry */
    ClassLoader snippetLoader() {
        return control.snippetLoader();
    }

    /** @return JShell's analysis of source: completion, documentation, types */
    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    /** Stops the running cell, if any; {@link #eval} then throws {@link CellInterruptedException}. */
    void stop() {
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }
}
