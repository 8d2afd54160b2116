package org.lotterylab.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.data.ImageData;
import org.lotterylab.nn.Net;

class ImageTaskTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    /** {@code n} random 1×28×28 images of 10 classes, pixels in [0, 1) with mean 0.5. */
    private static ImageData images(String name, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[n * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble();
        }
        int[] labels = IntStream.range(0, n).map(i -> i % 10).toArray();
        return ImageData.of(name, pixels, labels, new Shape(1, 28, 28), IntStream.range(0, 10).mapToObj(Integer::toString).toList());
    }

    private ImageTask task() {
        return ImageTask.of("random", "lenet5", images("train", 300, 1), images("test", 100, 2),
                new ImageTask.Sizes(200, 50, 80, 64), manager);
    }

    private static long count(Iterable<Batch> batches) {
        long n = 0;
        for (Batch batch : batches) {
            n += batch.getSize();
            batch.close();
        }
        return n;
    }

    @Test
    void partsHaveTheirSizesAndTheTrainingImagesAreStandardised() throws Exception {
        ImageTask task = task();
        assertEquals(200, count(task.train().getData(manager)));
        assertEquals(50, count(task.validation().getData(manager)));
        assertEquals(80, count(task.test().getData(manager)));
        assertEquals(4, task.batchesPerEpoch(), "200 images in batches of 64");
        assertEquals("lenet5 / random", task.label());
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (Batch batch : task.train().getData(manager)) {
            NDArray x = batch.getData().head();
            sum += x.sum().getFloat();
            squares += x.square().sum().getFloat();
            n += x.size();
            batch.close();
        }
        // 156,800 float32 pixels summed per batch: float32 rounding is far below the tolerance (≈ 1e-6 relative per batch).
        double mean = sum / n;
        assertEquals(0, mean, 1e-3);
        assertEquals(1, Math.sqrt(squares / n - mean * mean), 1e-3);
    }

    @Test
    void freshNetsAreTheModelsMaskSearchFormAndDependOnTheSeed() {
        ImageTask task = task();
        Net a = task.freshNet(0);
        Net b = task.freshNet(0);
        Net c = task.freshNet(1);
        assertTrue(a.parameter("conv1.weight").getArray().contentEquals(b.parameter("conv1.weight").getArray()));
        assertNotEquals(0, a.parameter("conv1.weight").getArray().sub(c.parameter("conv1.weight").getArray()).abs().sum().getFloat());
        try (NDManager run = manager.newSubManager()) {
            Net d = task.freshNet(run, 0);
            assertTrue(d.parameter("conv1.weight").getArray().contentEquals(a.parameter("conv1.weight").getArray()));
            assertEquals(run, d.parameter("conv1.weight").getArray().getManager(), "the net's arrays belong to the given manager");
        }
        assertTrue(a.parameters().containsKey("bn1.runningMean") || a.parameters().keySet().stream().anyMatch(n -> n.startsWith("bn1")),
                "LeNet-5 with BatchNorm: " + a.parameters().keySet());
    }

    @Test
    void scoringBatchesFollowTheSeedsFirstEpoch() {
        ImageTask task = task();
        List<Batch> first = task.scoringBatches(2, 0);
        List<Batch> again = task.scoringBatches(2, 0);
        List<Batch> other = task.scoringBatches(2, 1);
        assertEquals(2, first.size());
        assertTrue(first.get(0).getData().head().contentEquals(again.get(0).getData().head()));
        assertTrue(!first.get(0).getData().head().contentEquals(other.get(0).getData().head()), "another seed, another order");
    }

    @Test
    void unknownDataSetsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ImageTask.load("cifar", "lenet5", new ImageTask.Sizes(1, 1, 1, 1), manager));
        assertTrue(e.getMessage().contains("fashion-mnist"), e.getMessage());
    }
}
