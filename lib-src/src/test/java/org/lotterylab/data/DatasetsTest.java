package org.lotterylab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsTest {

    @TempDir
    Path root;

    private DataCache cache() {
        return new DataCache(root, DataManifest.none());
    }

    @Test
    void mnistLoadsImagesScaledAndLabelled() throws IOException {
        TestFiles.mnistSplit(root.resolve("mnist"), "t10k", "", 12);
        ImageData test = Datasets.mnist(cache(), Split.TEST);
        assertEquals(12, test.size());
        assertEquals("(1, 2, 3)", test.imageShape().toString());
        assertEquals(7 / 255f, test.image(7)[5]);
        assertEquals(1, test.label(11));
        assertEquals("mnist-test", test.name());
    }

    @Test
    void fashionMnistReadsCompressedFilesAndNamesItsClasses() throws IOException {
        TestFiles.mnistSplit(root.resolve("fashion-mnist"), "train", ".gz", 10);
        ImageData train = Datasets.fashionMnist(cache(), Split.TRAIN);
        assertEquals(10, train.size());
        assertEquals("Ankle boot", train.classNames().get(9));
    }

    @Test
    void missingFilesNameTheDatasetThePathAndTheFix() {
        var e = assertThrows(MissingDataException.class, () -> Datasets.mnist(cache(), Split.TRAIN));
        assertEquals("mnist", e.dataset());
        assertEquals(root.resolve("mnist/train-images-idx3-ubyte"), e.path());
        assertTrue(e.getMessage().contains(e.path().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("environment/lab data"), e.getMessage());
    }

    @Test
    void labelsThatDoNotMatchTheImagesAreCorrupt() throws IOException {
        Path dir = root.resolve("mnist");
        TestFiles.mnistSplit(dir, "train", "", 4);
        TestFiles.idx(dir.resolve("train-labels-idx1-ubyte"), new byte[3], 3);
        var e = assertThrows(CorruptDataException.class, () -> Datasets.mnist(cache(), Split.TRAIN));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void digitsScaleSixteenGreyLevelsAndUpsample() throws IOException {
        writeDigits(20);
        ImageData digits = Datasets.digits(cache(), false);
        assertEquals(20, digits.size());
        assertEquals("(1, 8, 8)", digits.imageShape().toString());
        assertEquals(1f, digits.image(16)[0]);
        assertEquals(3, digits.label(13));
        assertEquals("(1, 28, 28)", Datasets.digits(cache(), true).imageShape().toString());
    }

    @Test
    void digitsOutsideSixteenAreCorrupt() throws IOException {
        TestFiles.text(root.resolve("digits/digits.csv.gz"), "17" + ",0".repeat(64) + "\n");
        var e = assertThrows(CorruptDataException.class, () -> Datasets.digits(cache(), false));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    /** Digit i has every pixel equal to i % 17 and label i % 10. */
    private void writeDigits(int n) throws IOException {
        String csv = IntStream.range(0, n)
                .mapToObj(i -> IntStream.range(0, 64).mapToObj(p -> String.valueOf(i % 17)).collect(Collectors.joining(","))
                        + "," + (i % 10))
                .collect(Collectors.joining("\n"));
        TestFiles.text(root.resolve("digits/digits.csv.gz"), csv);
    }
}
