package org.lotterylab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The content of an IDX file of unsigned bytes, the format of MNIST and Fashion-MNIST: a magic
 * number {@code 0x00 0x00 0x08 <dimensions>}, each dimension as a big-endian int, then the bytes.
 *
 * @param shape the dimensions, e.g. {@code [60000, 28, 28]}
 * @param data the values in row-major order, unsigned (read them with {@code b & 0xff})
 */
public record IdxFile(int[] shape, byte[] data) {

    /** The element-type byte of unsigned bytes, the only type the data sets here use. */
    static final int UNSIGNED_BYTE = 0x08;

    private static final int BUFFER = 1 << 16;

    /**
     * Reads an IDX file, raw or gzip-compressed (by the {@code .gz} suffix).
     *
     * @param file the file
     * @return its content
     * @throws CorruptDataException when the magic number, the dimensions or the length is wrong
     * @throws UncheckedIOException when the file cannot be read at all
     */
    public static IdxFile read(Path file) {
        try (DataInputStream in = new DataInputStream(open(file))) {
            int[] shape = readHeader(file, in);
            long size = Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact);
            if (size > Integer.MAX_VALUE - 8) {
                throw new CorruptDataException(file, "dimensions " + Arrays.toString(shape) + " are too large", null);
            }
            byte[] data = in.readNBytes((int) size);
            if (data.length < size) {
                throw new CorruptDataException(file, "truncated: the header promises " + size
                        + " values but only " + data.length + " follow", null);
            }
            if (in.read() != -1) {
                throw new CorruptDataException(file, "more data than the header's dimensions "
                        + Arrays.toString(shape) + " allow", null);
            }
            return new IdxFile(shape, data);
        } catch (EOFException | ZipException e) {
            throw new CorruptDataException(file, "truncated or not valid gzip (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * The number of items, the first dimension.
     *
     * @return e.g. 60000
     */
    public int count() {
        return shape[0];
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz")
                ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER)
                : new BufferedInputStream(raw, BUFFER);
    }

    private static int[] readHeader(Path file, DataInputStream in) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xff;
        int dimensions = magic & 0xff;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || dimensions == 0) {
            throw new CorruptDataException(file, String.format(
                    "bad magic number 0x%08x (expected 0x000008NN for unsigned bytes in NN dimensions)", magic), null);
        }
        int[] shape = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            shape[i] = in.readInt();
            if (shape[i] <= 0) {
                throw new CorruptDataException(file, "dimension " + i + " is " + shape[i], null);
            }
        }
        return shape;
    }
}
