package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A cell that calls for the JVM's end fails, and the kernel keeps running with its variables. */
class ExitTest {

    private static final KernelHarness HARNESS = new KernelHarness();

    private static void assertRefused(String cell, String call) {
        HARNESS.ok("int kept = 7;");
        KernelHarness.Outcome outcome = HARNESS.run(cell);
        assertInstanceOf(UserCodeException.class, outcome.failure());
        String traceback = outcome.traceback(HARNESS.kernel);
        assertTrue(traceback.startsWith("java.lang.SecurityException: " + call + " refused: it would end the kernel"), traceback);
        assertTrue(traceback.contains("Kernel > Shutdown"), traceback);
        assertTrue(traceback.matches("(?s)[^\n]*\n    at In\\[\\d+] line \\d$"), "only the cell's own frame: " + traceback);
        assertEquals("8", HARNESS.ok("kept + 1").text(), "the kernel and its variables live on");
    }

    @Test
    void systemExitFailsTheCell() {
        assertRefused("System.exit(0);", "System.exit(0)");
    }

    @Test
    void runtimeHaltFailsTheCell() {
        assertRefused("Runtime.getRuntime().halt(3);", "System.exit(3)");
    }

    @Test
    void exitThroughAMethodReferenceFailsTheCell() {
        assertRefused("java.util.function.IntConsumer quit = System::exit;\nquit.accept(2);", "System.exit(2)");
    }

    @Test
    void exitFromAThreadTheCellStartedEndsOnlyThatThread() {
        KernelHarness.Outcome outcome = HARNESS.ok(
                "Thread quitter = new Thread(() -> System.exit(1));\nquitter.start();\nquitter.join();\n\"still here\"");
        assertEquals("still here", outcome.text());
        assertTrue(outcome.output().contains("java.lang.SecurityException: System.exit(1) refused"), outcome.output());
    }

    @Test
    void aCellCannotRemoveTheGuard() {
        KernelHarness.Outcome outcome = HARNESS.run("System.setSecurityManager(null);");
        assertTrue(outcome.failure().getMessage().contains("may not replace the kernel's security manager"),
                outcome.failure().getMessage());
    }
}
