package org.lotterylab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader (or a resumed run after a crash or a kernel restart) sees either
 * the old content or the new one, never a half-written file.
 *
 * <p>The content goes to a temporary file in the same folder (a rename is only atomic within one
 * file system), is forced to disk, and then replaces the target with an atomic rename.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * @param target the file to create or replace; missing parent folders are created
     * @param content the complete new content
     * @throws IOException when the disk refuses; the target is then unchanged
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * @param target the file to create or replace
     * @param content the complete new content, written as UTF-8
     * @throws IOException when the disk refuses; the target is then unchanged
     */
    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target + " cannot rename atomically; "
                    + "put the runs and reports folders (LAB_RUNS, LAB_REPORTS) on a local disk", e);
        }
    }
}
