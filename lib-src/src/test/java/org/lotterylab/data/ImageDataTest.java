package org.lotterylab.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDataTest {

    /** {@code n} images 1×2×2 where image i is filled with i and labelled i % 3. */
    private static ImageData numbered(int n) {
        float[] pixels = new float[n * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / 4;
        }
        int[] labels = IntStream.range(0, n).map(i -> i % 3).toArray();
        return ImageData.of("numbered", pixels, labels, new Shape(1, 2, 2), List.of("a", "b", "c"));
    }

    private static int[] ids(ImageData data) {
        return IntStream.range(0, data.size()).map(i -> (int) data.image(i)[0]).toArray();
    }

    @Test
    void subsetIsTheSameForASeedAndDiffersAcrossSeeds() {
        ImageData all = numbered(100);
        assertArrayEquals(ids(all.subset(10, 1)), ids(all.subset(10, 1)));
        assertNotEquals(Arrays.toString(ids(all.subset(10, 1))), Arrays.toString(ids(all.subset(10, 2))));
        assertEquals(10, Arrays.stream(ids(all.subset(10, 1))).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> all.subset(101, 1));
    }

    @Test
    void firstKeepsTheLeadingImages() {
        assertArrayEquals(new int[] {0, 1, 2}, ids(numbered(10).first(3)));
    }

    @Test
    void classesKeepsTheGivenClassesAndRelabelsThemInOrder() {
        ImageData kept = numbered(9).classes(2, 0);
        assertArrayEquals(new int[] {0, 2, 3, 5, 6, 8}, ids(kept));
        assertArrayEquals(new int[] {1, 0, 1, 0, 1, 0}, kept.labels());
        assertEquals(List.of("c", "a"), kept.classNames());
        assertThrows(IllegalArgumentException.class, () -> numbered(9).classes(0, 0));
        assertThrows(IllegalArgumentException.class, () -> numbered(9).classes(3));
    }

    @Test
    void normalizedHasZeroMeanAndUnitDeviation() {
        ImageData normalized = numbered(10).normalized();
        assertEquals(0, normalized.mean(), 1e-6);
        assertEquals(1, normalized.std(), 1e-6);
    }

    @Test
    void upsamplingKeepsAConstantImageConstant() {
        ImageData big = numbered(3).upsampled(5, 7);
        assertEquals(new Shape(1, 5, 7), big.imageShape());
        for (float p : big.image(2)) {
            assertEquals(2f, p, 1e-6);
        }
    }

    @Test
    void upsamplingInterpolatesBetweenPixels() {
        ImageData ramp = ImageData.of("ramp", new float[] {0, 1}, new int[] {0}, new Shape(1, 1, 2), List.of("x"));
        float[] row = ramp.upsampled(1, 4).image(0);
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, row, 1e-6f);
    }

    @Test
    void splitIsDisjointCompleteAndSeeded() {
        TrainTest<ImageData> parts = numbered(50).split(0.2, 3);
        assertEquals(10, parts.test().size());
        assertEquals(40, parts.train().size());
        int[] all = IntStream.concat(Arrays.stream(ids(parts.train())), Arrays.stream(ids(parts.test()))).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 50).toArray(), all);
        assertArrayEquals(ids(parts.test()), ids(numbered(50).split(0.2, 3).test()));
    }

    @Test
    void validationSplitCarvesASeededDisjointValidationSet() {
        TrainValidation parts = numbered(50).validationSplit(5, 7);
        assertEquals(45, parts.train().size());
        assertEquals(5, parts.validation().size());
        assertTrue(parts.train().name().endsWith("-train"));
        assertTrue(parts.validation().name().endsWith("-validation"));
        int[] all = IntStream.concat(Arrays.stream(ids(parts.train())), Arrays.stream(ids(parts.validation()))).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 50).toArray(), all);
        assertArrayEquals(ids(parts.validation()), ids(numbered(50).validationSplit(5, 7).validation()));
        assertFalse(Arrays.equals(ids(parts.validation()), ids(numbered(50).validationSplit(5, 8).validation())));
        assertThrows(IllegalArgumentException.class, () -> numbered(50).validationSplit(50, 7));
        assertThrows(IllegalArgumentException.class, () -> numbered(50).validationSplit(0, 7));
    }

    @Test
    void badSizesAndLabelsAreRejected() {
        Shape shape = new Shape(1, 2, 2);
        assertThrows(IllegalArgumentException.class,
                () -> ImageData.of("x", new float[7], new int[2], shape, List.of("a")));
        assertThrows(IllegalArgumentException.class,
                () -> ImageData.of("x", new float[4], new int[] {1}, shape, List.of("a")));
    }

    @Test
    void datasetBatchesHaveDjlShapesAndTypesAndWorkWithLossAndAccuracy() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            var dataset = numbered(10).toDataset(manager, 4, false, 0);
            List<Long> sizes = new ArrayList<>();
            for (Batch batch : dataset.getData(manager)) {
                NDList data = batch.getData();
                NDList labels = batch.getLabels();
                assertEquals(new Shape(batch.getSize(), 1, 2, 2), data.singletonOrThrow().getShape());
                assertEquals(DataType.FLOAT32, labels.singletonOrThrow().getDataType());
                NDList logits = new NDList(manager.randomNormal(new Shape(batch.getSize(), 3)));
                assertTrue(Float.isFinite(Loss.softmaxCrossEntropyLoss().evaluate(labels, logits).getFloat()));
                new Accuracy().evaluate(labels, logits);
                sizes.add(batch.getSize() * 1L);
                batch.close();
            }
            assertEquals(List.of(4L, 4L, 2L), sizes);
        }
    }

    @Test
    void shuffledOrderIsFixedBySeed() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertEquals(firstEpochOrder(manager, 5), firstEpochOrder(manager, 5));
            assertNotEquals(firstEpochOrder(manager, 5), firstEpochOrder(manager, 6));
        }
    }

    private static List<Float> firstEpochOrder(NDManager manager, long seed) throws Exception {
        List<Float> order = new ArrayList<>();
        for (Batch batch : numbered(20).toDataset(manager, 5, true, seed).getData(manager)) {
            float[] pixels = batch.getData().singletonOrThrow().toFloatArray();
            for (int i = 0; i < pixels.length; i += 4) {
                order.add(pixels[i]);
            }
            batch.close();
        }
        return order;
    }
}
