package org.lotterylab.train;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * The order in which one epoch visits the training set: a permutation fixed by the training seed
 * and the epoch's number alone.
 *
 * <p>Because the order does not depend on how often the data set was read before, the rounds of
 * IMP all see the same sequence of batches, a resumed run sees what an uninterrupted one would
 * have seen, and a run rewound to iteration k continues exactly where the original was at k.
 * Public so that training loops outside this package (score training) draw batches the same way.
 */
public final class EpochOrder implements Sampler.SubSampler {

    private final long seed;
    private final int epoch;

    /**
     * @param seed the training seed
     * @param epoch the epoch's number, from 0
     */
    public EpochOrder(long seed, int epoch) {
        this.seed = seed;
        this.epoch = epoch;
    }

    @Override
    public Iterator<Long> sample(RandomAccessDataset dataset) {
        int size = Math.toIntExact(dataset.size());
        long[] order = new long[size];
        Arrays.setAll(order, i -> i);
        // One independent stream per (seed, epoch); the golden-ratio constant spreads consecutive epochs.
        SplittableRandom random = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (epoch + 1));
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return Arrays.stream(order).iterator();
    }
}
