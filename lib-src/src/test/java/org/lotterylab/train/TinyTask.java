package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.dataset.ArrayDataset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;

/** A task small enough for unit tests: 3 noisy 8×8 patterns and a 64-32-3 MLP with BatchNorm. */
public final class TinyTask {

    public static final int CLASSES = 3;
    public static final int SAMPLES = 192;

    private TinyTask() {}

    /** @return an uninitialised net: flatten, fc1 (32), BatchNorm, ReLU, fc2 (3) */
    public static Net net() {
        return new Net("tiny", new Shape(1, 1, 8, 8), CLASSES, classes -> new NamedSequential()
                .add(Blocks.batchFlattenBlock())
                .add("fc1", Linear.builder().setUnits(32).build())
                .add("bn1", BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add("fc2", Linear.builder().setUnits(classes).build()));
    }

    /**
     * @param manager owns the arrays
     * @param samples how many samples
     * @param batchSize the batch size
     * @param seed the noise seed
     * @return noisy copies of 3 fixed patterns, labels 0..2 as float32, in a fixed order
     */
    public static ArrayDataset data(NDManager manager, int samples, int batchSize, long seed) {
        Random patterns = new Random(1);
        Random noise = new Random(seed);
        float[] pixels = new float[samples * 64];
        float[] labels = new float[samples];
        float[][] means = new float[CLASSES][64];
        for (float[] mean : means) {
            for (int i = 0; i < 64; i++) {
                mean[i] = patterns.nextFloat();
            }
        }
        for (int s = 0; s < samples; s++) {
            labels[s] = s % CLASSES;
            for (int i = 0; i < 64; i++) {
                pixels[s * 64 + i] = means[s % CLASSES][i] + 0.5f * (float) noise.nextGaussian();
            }
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(pixels, new Shape(samples, 1, 8, 8)))
                .optLabels(manager.create(labels))
                .setSampling(batchSize, false)
                .build();
    }

    /** @return a mask keeping each prunable weight with probability 1/2, fixed by the seed */
    public static Mask halfMask(Net net, long seed) {
        Random random = new Random(seed);
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        net.prunableParameters().forEach((name, p) -> {
            Shape shape = p.getArray().getShape();
            float[] keep = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = random.nextBoolean() ? 1 : 0;
            }
            tensors.put(name, net.manager().create(keep, shape));
        });
        return Mask.of(tensors);
    }
}
