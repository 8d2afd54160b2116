package org.lotterylab.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Public so that what reads training data outside {@link Training} (BatchNorm calibration) draws
 * batches the same way.
 *
 * <pre>{@code
 * for (Batch batch : new EpochOrder(seed, epoch).batches(train, manager, 64)) { try (batch) { ... } }
 * }</pre>
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

    /**
     * @param data the training set
     * @param manager owns the batches (each is closed by its user)
     * @param batchSize samples per batch; the last batch of the epoch holds the rest
     * @return the epoch's batches, in this order
     */
    public Iterable<Batch> batches(RandomAccessDataset data, NDManager manager, int batchSize) {
        try {
            return data.getData(manager, new BatchSampler(this, batchSize, false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data set", e);
        } catch (TranslateException e) {
            throw new IllegalStateException("cannot batch the data set: " + e.getMessage(), e);
        }
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
