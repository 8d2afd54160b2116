package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorsTest {

    private static final KernelHarness HARNESS = new KernelHarness();

    @Test
    void compileErrorShowsLineColumnAndSource() {
        KernelHarness.Outcome outcome = HARNESS.run("int a = 1;\nint b = a +\n    missing * 2;");
        assertInstanceOf(CompilationException.class, outcome.failure());
        String traceback = outcome.traceback(HARNESS.kernel);
        assertTrue(traceback.contains("line 3, column 5: cannot find symbol"), traceback);
        assertTrue(traceback.contains("        missing * 2;\n        ^"), traceback);
        assertFalse(traceback.contains("location: class"), traceback);
    }

    @Test
    void unfinishedCodeIsACompileError() {
        KernelHarness.Outcome outcome = HARNESS.run("int a = 1;\nclass A {");
        assertInstanceOf(CompilationException.class, outcome.failure());
        assertTrue(outcome.failure().getMessage().startsWith("In[0] line 2"), outcome.failure().getMessage());
    }

    @Test
    void runtimeErrorShowsTheUsersExceptionAndFramesOnly() {
        HARNESS.ok("void check(int n) {\n    if (n > 2)\n        throw new IllegalStateException(\"too big: \" + n);\n}");
        KernelHarness.Outcome outcome = HARNESS.run("int n = 1;\n\ncheck(n + 5);");
        String traceback = outcome.traceback(HARNESS.kernel);
        assertEquals("java.lang.IllegalStateException: too big: 6", outcome.failure().getMessage());
        assertTrue(traceback.startsWith("java.lang.IllegalStateException: too big: 6\n"), traceback);
        assertTrue(traceback.matches("(?s).*at check \\(In\\[\\d+] line 3\\).*"), traceback);
        assertTrue(traceback.matches("(?s).*at In\\[\\d+] line 3$"), traceback);
        assertFalse(traceback.contains("org.lotterylab.kernel"), traceback);
        assertFalse(traceback.contains("jdk.jshell"), traceback);
        assertFalse(traceback.contains("reflect"), traceback);
    }

    @Test
    void aSyntaxErrorAnywhereStopsTheWholeCell() {
        HARNESS.ok("int syntaxCounter = 0;");
        KernelHarness.Outcome outcome = HARNESS.run("syntaxCounter++;\nsyntaxCounter++;\nint broken = 1 +;");
        assertInstanceOf(CompilationException.class, outcome.failure());
        assertTrue(outcome.traceback(HARNESS.kernel).contains("line 3"), outcome.traceback(HARNESS.kernel));
        assertEquals("0", HARNESS.ok("syntaxCounter").text(), "lines 1 and 2 did not run");
    }

    @Test
    void aSyntaxErrorAfterALineMagicStopsTheWholeCell() {
        KernelHarness.Outcome outcome = HARNESS.run("int beforeMagic = 1;\n%lsmagic\nint broken = ;");
        assertInstanceOf(CompilationException.class, outcome.failure());
        assertEquals("", outcome.output(), "the magic did not run");
        assertInstanceOf(CompilationException.class, HARNESS.run("beforeMagic").failure(), "line 1 did not run");
    }

    @Test
    void aCompileErrorFoundInItsTurnSaysWhichLinesRan() {
        HARNESS.ok("int turnCounter = 0;");
        KernelHarness.Outcome outcome = HARNESS.run("turnCounter++;\nturnCounter++;\nint b = turnCounter + missing;");
        String traceback = outcome.traceback(HARNESS.kernel);
        assertTrue(traceback.contains("line 3, column 23: cannot find symbol"), traceback);
        assertTrue(traceback.matches("(?s).*\nLines 1–2 of In\\[\\d+] already ran; line 3 and everything after it did not\\.$"),
                traceback);
        assertEquals("2", HARNESS.ok("turnCounter").text());
    }

    @Test
    void aCompileErrorInTheFirstSnippetSaysNothingRan() {
        String traceback = HARNESS.run("\n\nint c = missing;\nint d = 1;").traceback(HARNESS.kernel);
        assertFalse(traceback.contains("already ran"), traceback);
    }

    @Test
    void lambdaFramesAreTheUsersAndTheStreamMachineryIsFolded() {
        KernelHarness.Outcome outcome = HARNESS.run("List.of(1, 2, 0).stream()\n    .map(i -> 10 / i)\n    .toList();");
        String traceback = outcome.traceback(HARNESS.kernel);
        assertEquals("java.lang.ArithmeticException: / by zero", outcome.failure().getMessage());
        assertTrue(traceback.matches("(?s)[^\n]*\n    at lambda \\(In\\[\\d+] line 2\\)\n    \\.\\.\\. \\d+ frames in java.base\n"
                + "    at In\\[\\d+] line 3$"), traceback);
    }

    @Test
    void aLambdaInAMethodIsNamedByTheMethod() {
        HARNESS.ok("int firstInverse(List<Integer> xs) {\n    return xs.stream().map(x -> 1 / x).findFirst().get();\n}");
        String traceback = HARNESS.run("firstInverse(List.of(0))").traceback(HARNESS.kernel);
        assertTrue(traceback.contains("at lambda in firstInverse (In["), traceback);
        assertTrue(traceback.contains("at firstInverse (In["), traceback);
    }

    @Test
    void aNullPointerExceptionNamesTheUsersVariables() {
        HARNESS.ok("String missingName = null;");
        String field = HARNESS.run("missingName.length()").failure().getMessage();
        assertEquals("java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"missingName\" is null", field);
        HARNESS.ok("int lengthOf(String text) {\n    String copy = text;\n    return copy.length();\n}");
        String local = HARNESS.run("lengthOf(null)").failure().getMessage();
        assertTrue(local.endsWith("because \"copy\" is null"), local);
    }

    @Test
    void theUsersOwnClassesKeepTheirNames() {
        HARNESS.ok("class Oops extends RuntimeException { Oops(String m) { super(m); } }");
        KernelHarness.Outcome outcome = HARNESS.run("throw new Oops(\"mine\");");
        assertEquals("Oops: mine", outcome.failure().getMessage());
    }

    @Test
    void causesAreShown() {
        KernelHarness.Outcome outcome = HARNESS.run(
                "throw new RuntimeException(\"outer\", new java.io.IOException(\"inner\"));");
        String traceback = outcome.traceback(HARNESS.kernel);
        assertTrue(traceback.contains("Caused by:\njava.io.IOException: inner"), traceback);
    }

    @Test
    void unresolvedReferenceIsExplained() {
        HARNESS.ok("void later() { notYetWritten(); }");
        String traceback = HARNESS.run("later();").traceback(HARNESS.kernel);
        assertTrue(traceback.contains("later cannot be used until these are declared: method notYetWritten()"), traceback);
    }

    @Test
    void kernelCarriesOnAfterFailures() {
        HARNESS.run("throw new Error(\"bad\");");
        HARNESS.run("this is not java");
        assertEquals("3", HARNESS.ok("1 + 2").text());
    }
}
