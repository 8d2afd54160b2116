package org.lotterylab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A training part and a test part of something that was split.
 *
 * @param train the training part
 * @param test the test part
 * @param <T> what was split (a list of e-mails, an {@link ImageData} ...)
 */
public record TrainTest<T>(T train, T test) {

    /**
     * Splits a list at random, the same way for the same seed.
     *
     * @param items what to split
     * @param testFraction the share that goes to the test part, in (0, 1)
     * @param seed the seed of the shuffle
     * @param <E> the items' type
     * @return the two parts; together they hold every item once
     */
    public static <E> TrainTest<List<E>> split(List<E> items, double testFraction, long seed) {
        int[] order = Shuffle.permutation(items.size(), new Random(seed));
        int testSize = testSize(items.size(), testFraction);
        List<E> train = new ArrayList<>(items.size() - testSize);
        List<E> test = new ArrayList<>(testSize);
        for (int i = 0; i < order.length; i++) {
            (i < testSize ? test : train).add(items.get(order[i]));
        }
        return new TrainTest<>(List.copyOf(train), List.copyOf(test));
    }

    /**
     * How many of {@code size} items a test fraction takes.
     *
     * @param size the number of items
     * @param testFraction the share for the test part
     * @return the rounded count
     * @throws IllegalArgumentException when the fraction is not in (0, 1)
     */
    static int testSize(int size, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must lie in (0, 1), got " + testFraction);
        }
        return (int) Math.round(size * testFraction);
    }
}
