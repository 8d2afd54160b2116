package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A cell that asks for more memory than the heap has fails with OutOfMemoryError; the kernel lives on. */
class MemoryTest {

    private static final KernelHarness HARNESS = new KernelHarness();

    @Test
    void oneHugeArrayFailsTheCell() {
        HARNESS.ok("String before = \"kept\";");
        KernelHarness.Outcome outcome = HARNESS.run("long[] huge = new long[Integer.MAX_VALUE - 8];");
        assertTrue(outcome.failure().getMessage().startsWith("java.lang.OutOfMemoryError"), outcome.failure().getMessage());
        assertEquals("kept", HARNESS.ok("before").text());
    }

    @Test
    void growingUntilTheHeapIsFullFailsTheCell() {
        // A block: its list is garbage once the cell fails, as a careless cell's would be.
        KernelHarness.Outcome outcome = HARNESS.run(
                "{\n    var chunks = new ArrayList<long[]>();\n    while (true) chunks.add(new long[8 << 20]);\n}");
        assertTrue(outcome.failure().getMessage().startsWith("java.lang.OutOfMemoryError: Java heap space"),
                outcome.failure().getMessage());
        assertEquals("3", HARNESS.ok("1 + 2").text(), "the kernel works after the failure");
    }
}
