package org.lotterylab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesContentAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("sub/results.json");
        AtomicFiles.write(file, "first");
        AtomicFiles.write(file, "second");
        assertEquals("second", Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "temporary files must be renamed or deleted");
        }
    }
}
