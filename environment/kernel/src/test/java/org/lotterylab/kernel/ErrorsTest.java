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
