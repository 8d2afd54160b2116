package org.lotterylab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxFileTest {

    @TempDir
    Path dir;

    @Test
    void rawAndCompressedFilesRoundTrip() throws IOException {
        byte[] data = {0, 1, 2, (byte) 255, 4, 5};
        for (String name : new String[] {"a-idx3-ubyte", "a-idx3-ubyte.gz"}) {
            IdxFile file = IdxFile.read(TestFiles.idx(dir.resolve(name), data, 1, 2, 3));
            assertArrayEquals(new int[] {1, 2, 3}, file.shape());
            assertArrayEquals(data, file.data());
        }
    }

    @Test
    void badMagicNumberIsReportedWithTheFileAndTheFix() throws IOException {
        Path file = TestFiles.write(dir.resolve("bad-idx1-ubyte"), new byte[] {1, 2, 3, 4, 0, 0, 0, 1, 7});
        assertCorrupt(file, "magic");
    }

    @Test
    void truncatedDataIsReported() throws IOException {
        Path file = TestFiles.idx(dir.resolve("short-idx1-ubyte"), new byte[] {1, 2}, 5);
        assertCorrupt(file, "truncated");
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        Path full = TestFiles.idx(dir.resolve("full-idx1-ubyte.gz"), new byte[1000], 1000);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = TestFiles.write(dir.resolve("cut.bin"), Arrays.copyOf(bytes, bytes.length / 2));
        Path renamed = Files.move(cut, dir.resolve("cut-idx1-ubyte.gz"));
        assertCorrupt(renamed, "gzip");
    }

    @Test
    void trailingBytesAreReported() throws IOException {
        Path file = TestFiles.idx(dir.resolve("long-idx1-ubyte"), new byte[] {1, 2, 3}, 2);
        assertCorrupt(file, "more data");
    }

    private static void assertCorrupt(Path file, String problem) {
        var e = assertThrows(CorruptDataException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains(DataCache.FETCH_COMMAND), e.getMessage());
    }
}
