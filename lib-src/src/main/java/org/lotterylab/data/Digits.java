package org.lotterylab.data;

import ai.djl.ndarray.types.Shape;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads scikit-learn's 8×8 digits ({@code digits/digits.csv.gz}): one image per line, 64 grey
 * levels 0..16 then the label, comma separated.
 */
final class Digits {

    static final String DATASET = "digits";
    static final String FILE = "digits.csv.gz";

    private static final int SIDE = 8;
    private static final int PIXELS = SIDE * SIDE;
    private static final float MAX_LEVEL = 16f;

    private Digits() {
    }

    /**
     * Loads every digit, pixels scaled from 0..16 to [0, 1].
     *
     * @param cache the data cache
     * @param classNames the names of the digits 0..9
     * @return 1797 images 1×8×8 in the real file
     */
    static ImageData load(DataCache cache, List<String> classNames) {
        Path file = cache.require(DATASET, FILE);
        List<String> lines = readLines(file);
        float[] pixels = new float[lines.size() * PIXELS];
        int[] labels = new int[lines.size()];
        for (int row = 0; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",");
            if (cells.length != PIXELS + 1) {
                throw new CorruptDataException(file, "line " + (row + 1) + " has " + cells.length
                        + " values, expected " + (PIXELS + 1), null);
            }
            for (int i = 0; i < PIXELS; i++) {
                pixels[row * PIXELS + i] = parse(file, row, cells[i], MAX_LEVEL) / MAX_LEVEL;
            }
            labels[row] = (int) parse(file, row, cells[PIXELS], classNames.size() - 1);
        }
        return ImageData.wrap(DATASET, pixels, labels, new Shape(1, SIDE, SIDE), classNames);
    }

    private static float parse(Path file, int row, String cell, float max) {
        try {
            float value = Float.parseFloat(cell.strip());
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the line number
        }
        throw new CorruptDataException(file, "line " + (row + 1) + ": '" + cell + "' is not a number in 0.." + (int) max, null);
    }

    private static List<String> readLines(Path file) {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().filter(line -> !line.isBlank()).toList();
        } catch (EOFException | ZipException e) {
            throw new CorruptDataException(file, "truncated or not valid gzip (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
