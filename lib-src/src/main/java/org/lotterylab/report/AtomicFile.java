package org.lotterylab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old or the new content, never half of it: the text
 * goes to a temporary file in the same directory, which is then renamed over the target.
 */
final class AtomicFile {

    private AtomicFile() {
    }

    /**
     * @param file the target, its directory created when missing
     * @param text the new content, written as UTF-8
     * @return the target
     */
    static Path write(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                return Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
