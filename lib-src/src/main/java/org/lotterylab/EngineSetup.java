package org.lotterylab;

import ai.djl.engine.Engine;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets PyTorch up, once per JVM and before the lab's first computation, for numbers that can be
 * trusted: deterministic algorithms on, and oneDNN's convolutions off on a processor where they
 * compute wrong results ({@link ConvolutionCheck}). {@link Lab} and every {@code Net} call
 * {@link #ensure()}; a program may call it first to see what was done.
 *
 * <pre>{@code
 * System.out.println(EngineSetup.ensure());   // deterministic, oneDNN convolutions checked and on
 * }</pre>
 */
public final class EngineSetup {

    private static final Logger LOG = LoggerFactory.getLogger(EngineSetup.class);

    private static volatile State state;

    private EngineSetup() {
    }

    /**
     * What the set-up found and did.
     *
     * @param deterministic whether PyTorch's deterministic algorithms are on
     * @param oneDnn whether oneDNN serves convolutions (off where its results were wrong)
     * @param note a sentence for the reader: the fault found, or why nothing could be set
     */
    public record State(boolean deterministic, boolean oneDnn, String note) {
        /** @return one short line, e.g. {@code deterministic, oneDNN off (failed the convolution check)}; see {@link #note} */
        @Override
        public String toString() {
            String why = note.isEmpty() ? "" : oneDnn ? " (" + note + ")" : " (failed the convolution check)";
            return (deterministic ? "deterministic" : "not deterministic") + ", oneDNN " + (oneDnn ? "on" : "off") + why;
        }
    }

    /**
     * Sets the engine up on the first call and returns what was done; later calls return at once.
     *
     * @return the state of the engine
     * @throws IllegalStateException when the float32 convolution is wrong even without oneDNN
     */
    public static State ensure() {
        State current = state;
        if (current == null) {
            synchronized (EngineSetup.class) {
                if (state == null) {
                    state = setUp();
                }
                current = state;
            }
        }
        return current;
    }

    /** Nothing may be fetched at run time: the native libraries come from jars on the class path. */
    static void preferOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private static State setUp() {
        preferOffline();
        Engine engine = Engine.getInstance();
        if (!"PyTorch".equals(engine.getEngineName())) {
            return new State(false, false, "engine " + engine.getEngineName() + " is left as it is");
        }
        PyTorchContext context;
        try {
            context = PyTorchContext.ofLoadedLibrary();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // Without the context nothing can be switched; a wrong convolution must still be loud.
            ConvolutionCheck.run().ifPresent(fault -> {
                throw wrongConvolution(fault, "PyTorch's settings cannot be reached (" + e.getMessage() + ")");
            });
            LOG.warn("PyTorch's settings cannot be reached ({}); deterministic algorithms stay off", e.getMessage());
            return new State(false, true, "PyTorch's settings cannot be reached");
        }
        // Warn-only: an operation without a deterministic kernel says so on stderr instead of failing
        // a run; on the CPU ops the lab uses, none does.
        context.setDeterministicAlgorithms(true, true);
        context.setDeterministicCuDnn(true);
        // PyTorch prefers oneDNN to NNPACK, so NNPACK only matters without oneDNN: there PyTorch's own
        // im2col + GEMM convolution is the path the check verifies, and NNPACK, where it cannot start
        // (as on processors it does not know), would print a warning at every convolution.
        context.setNnpackEnabled(false);
        Optional<String> fault = ConvolutionCheck.run();
        if (fault.isEmpty()) {
            return new State(true, context.oneDnnEnabled(), "");
        }
        context.setOneDnnEnabled(false);
        Optional<String> without = ConvolutionCheck.run();
        if (without.isPresent()) {
            throw wrongConvolution(without.get(), "also with oneDNN off");
        }
        String note = "oneDNN's convolution is wrong on this processor: " + fault.get()
                + "; PyTorch's own convolution is used instead";
        LOG.warn(note);
        return new State(true, false, note);
    }

    private static IllegalStateException wrongConvolution(String fault, String context) {
        return new IllegalStateException("PyTorch computes wrong convolutions on this processor, " + context + ": "
                + fault + ". Results would not be trustworthy. Try the environment variable ONEDNN_MAX_CPU_ISA=SSE41 "
                + "(set before the JVM starts), or report the processor (lscpu) with this message.");
    }
}
