package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Public so that cells, which share this JVM's classes, can signal that they are running. */
public class InterruptTest {

    /** Counted down by a cell once it runs. */
    public static volatile CountDownLatch started;

    private static final KernelHarness HARNESS = new KernelHarness();

    private static void assertInterrupted(String busyCode) throws Exception {
        started = new CountDownLatch(1);
        String cell = "org.lotterylab.kernel.InterruptTest.started.countDown();\n" + busyCode;
        CompletableFuture<KernelHarness.Outcome> running = CompletableFuture.supplyAsync(() -> HARNESS.run(cell));
        assertTrue(started.await(30, TimeUnit.SECONDS), "the cell never started");
        HARNESS.kernel.interrupt();
        KernelHarness.Outcome outcome = running.get(30, TimeUnit.SECONDS);
        assertInstanceOf(CellInterruptedException.class, outcome.failure());
        assertTrue(outcome.traceback(HARNESS.kernel).contains("interrupted"), outcome.traceback(HARNESS.kernel));
        assertEquals("2", HARNESS.ok("1 + 1").text(), "the kernel works after the interrupt");
    }

    @Test
    void busyLoopIsStopped() throws Exception {
        assertInterrupted("while (true) {}");
    }

    @Test
    void sleepIsStoppedAndTheRestOfTheCellSkipped() throws Exception {
        assertInterrupted("Thread.sleep(60_000);\nSystem.out.println(\"never\");");
    }

    @Test
    void interruptWhileIdleDoesNoHarm() {
        HARNESS.kernel.interrupt();
        assertEquals("3", HARNESS.ok("1 + 2").text());
    }
}
