package org.lotterylab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.runs.Run;
import org.lotterylab.runs.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's warnings reach the user: SLF4J has a provider (slf4j-simple, a run-time dependency
 * of the library) that prints warnings on stderr, while DJL's routine GPU probe stays quiet.
 */
class WarningsTest {

    record Config(int seed) {}

    @Test
    void theCorruptCheckpointWarningIsPrintedOnStandardError(@TempDir Path root) throws Exception {
        Run run = RunStore.at(root).experiment("warnings").run(new Config(1));
        Files.createDirectories(run.dir().resolve("checkpoints"));
        Files.writeString(run.dir().resolve("checkpoints/weights.ckpt"), "not a checkpoint");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (NDManager manager = NDManager.newBaseManager()) {
            run.loadCheckpoint("weights", manager);
        } finally {
            System.setErr(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("WARN Run - Corrupt checkpoint") && printed.contains("weights.ckpt"), printed);
    }

    @Test
    void warningsAreOnDjlsGpuProbeAndChatterAreOff() {
        Logger library = LoggerFactory.getLogger("org.lotterylab.tickets.RoundFiles");
        assertTrue(library.isWarnEnabled(), "library warnings are printed");
        assertFalse(library.isInfoEnabled(), "information is not");
        assertFalse(LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils").isWarnEnabled(), "no GPU is no news");
    }
}
