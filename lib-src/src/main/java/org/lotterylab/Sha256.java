package org.lotterylab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex, the form {@code sha256sum} prints and {@code data/manifest.tsv}
 * records: how configurations, checkpoints and data files are identified and checked.
 */
public final class Sha256 {

    private Sha256() {}

    /**
     * @param bytes any content
     * @return its SHA-256, 64 lower-case hex digits
     */
    public static String of(byte[] bytes) {
        MessageDigest digest = digest();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }

    /**
     * Hashes a file as it streams, so that a large file (a model) is never held in memory.
     *
     * @param file the file
     * @return its SHA-256, 64 lower-case hex digits
     * @throws IOException when the file cannot be read
     */
    public static String of(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
