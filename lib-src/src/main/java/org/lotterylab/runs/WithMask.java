package org.lotterylab.runs;

import org.lotterylab.prune.Mask;

/**
 * A stored result that comes with a mask, e.g. a pruning method's accuracies and the mask it
 * found: {@link Experiment#onceWithMask} keeps the mask as the run's checkpoint
 * {@value Experiment#MASK_CHECKPOINT} and the result as its {@code results.json}.
 *
 * @param result what was measured, a record Gson can store
 * @param mask the mask; closing this closes it
 * @param <T> the result's type
 */
public record WithMask<T>(T result, Mask mask) implements AutoCloseable {

    /** Frees the mask's tensors. */
    @Override
    public void close() {
        mask.close();
    }
}
