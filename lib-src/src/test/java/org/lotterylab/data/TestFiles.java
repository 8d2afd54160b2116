package org.lotterylab.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small synthetic data files in the cache's formats. */
final class TestFiles {

    private TestFiles() {
    }

    /** An IDX file of unsigned bytes, gzip-compressed when the name ends in .gz. */
    static Path idx(Path file, byte[] data, int... shape) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxFile.UNSIGNED_BYTE << 8 | shape.length);
        for (int d : shape) {
            out.writeInt(d);
        }
        out.write(data);
        return write(file, bytes.toByteArray());
    }

    /** Writes bytes, gzip-compressed when the name ends in .gz. */
    static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = file.toString().endsWith(".gz")
                ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    /** Writes text as UTF-8, gzip-compressed when the name ends in .gz. */
    static Path text(Path file, String content) throws IOException {
        return write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** An MNIST-style split of {@code n} images 2×3 where image i is filled with i and labelled i % 10. */
    static void mnistSplit(Path dir, String prefix, String suffix, int n) throws IOException {
        byte[] pixels = new byte[n * 6];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(pixels, i * 6, (i + 1) * 6, (byte) i);
            labels[i] = (byte) (i % 10);
        }
        idx(dir.resolve(prefix + "-images-idx3-ubyte" + suffix), pixels, n, 2, 3);
        idx(dir.resolve(prefix + "-labels-idx1-ubyte" + suffix), labels, n);
    }
}
