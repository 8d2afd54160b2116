package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One kernel, outside Jupyter, whose cells run with standard output and error captured together. */
final class KernelHarness {

    /** What a cell did: its result bundle (or null), its printed text, and its failure (or null). */
    record Outcome(DisplayData result, String output, Exception failure) {

        String text() {
            return result == null ? null : (String) result.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
        }

        String traceback(LabKernel kernel) {
            return failure == null ? "" : String.join("\n", kernel.formatError(failure));
        }
    }

    final LabKernel kernel = new LabKernel();

    /**
     * @param code a cell
     * @return its outcome; a failing cell does not throw here
     */
    Outcome run(String code) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(capture);
        System.setErr(capture);
        try {
            return new Outcome(kernel.eval(code), buffer.toString(StandardCharsets.UTF_8), null);
        } catch (Exception e) {
            return new Outcome(null, buffer.toString(StandardCharsets.UTF_8), e);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * @param code a cell that must succeed
     * @return its outcome
     */
    Outcome ok(String code) {
        Outcome outcome = run(code);
        if (outcome.failure() != null) {
            throw new AssertionError("cell failed: " + outcome.traceback(kernel), outcome.failure());
        }
        return outcome;
    }
}
