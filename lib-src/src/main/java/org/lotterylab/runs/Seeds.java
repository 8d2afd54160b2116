package org.lotterylab.runs;

import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.stream.LongStream;

/**
 * The seeds an experiment is repeated over: each seed gives the run its own initial weights and
 * data order, and so its own stored run. Claims are decided over them ({@link PerSeed#sample}).
 *
 * <pre>{@code
 * Seeds seeds = Seeds.first(profile.pick(2, 3, 5));        // 0, 1, 2 in quick
 * PerSeed<ImpResult> imp = seeds.map(seed -> impFor(seed).run(lenet(seed), train, test));
 * }</pre>
 *
 * @param values the seeds, distinct, at least one, in the order they are run
 */
public record Seeds(List<Long> values) {

    /** Copies the seeds and checks that they are distinct. */
    public Seeds {
        values = List.copyOf(values);
        if (values.isEmpty() || new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException("seeds must be distinct and at least one, got " + values);
        }
    }

    /**
     * @param count how many seeds, ≥ 1
     * @return the seeds 0, 1, …, count − 1
     */
    public static Seeds first(int count) {
        return new Seeds(LongStream.range(0, count).boxed().toList());
    }

    /**
     * @param seeds the seeds
     * @return them, in this order
     */
    public static Seeds of(long... seeds) {
        return new Seeds(LongStream.of(seeds).boxed().toList());
    }

    /** @return the number of seeds */
    public int count() {
        return values.size();
    }

    /**
     * Runs something once per seed, in order.
     *
     * @param compute what one seed gives, e.g. a stored run's result
     * @param <T> its type
     * @return the results by seed
     */
    public <T> PerSeed<T> map(LongFunction<T> compute) {
        TreeMap<Long, T> bySeed = new TreeMap<>();
        values.forEach(seed -> bySeed.put(seed, compute.apply(seed)));
        return new PerSeed<>(bySeed);
    }
}
