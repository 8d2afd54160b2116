package org.lotterylab.data;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Random;

/**
 * Visits a dataset in a new random order on every pass, the sequence of orders fixed by a seed.
 * DJL's own {@code RandomSampler} draws from the engine-wide random generator, which any other
 * code may advance; this one owns its generator, so two runs with one seed see the same batches.
 */
public final class SeededSampler implements Sampler.SubSampler {

    private final Random random;

    /**
     * Creates the sampler.
     *
     * @param seed fixes the sequence of orders
     */
    public SeededSampler(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public Iterator<Long> sample(RandomAccessDataset dataset) {
        int[] order = Shuffle.permutation(Math.toIntExact(dataset.size()), random);
        return Arrays.stream(order).mapToObj(i -> (long) i).iterator();
    }
}
