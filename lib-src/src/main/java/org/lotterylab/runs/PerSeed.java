package org.lotterylab.runs;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.lotterylab.evidence.Sample;

/**
 * One result per seed, e.g. the {@code ImpResult} of every seed's IMP run.
 *
 * <pre>{@code
 * Sample dense = imp.sample("dense", r -> 100 * r.round(0).bestAccuracy());
 * dense.estimate();   // mean over seeds with its 95% interval
 * }</pre>
 *
 * @param bySeed seed → result, in seed order
 * @param <T> the result's type
 */
public record PerSeed<T>(SortedMap<Long, T> bySeed) {

    /** Copies the results. */
    public PerSeed {
        if (bySeed.isEmpty()) {
            throw new IllegalArgumentException("no seeds: run at least one");
        }
        bySeed = Collections.unmodifiableSortedMap(new TreeMap<>(bySeed));
    }

    /**
     * @param seed a seed
     * @return its result
     * @throws IllegalArgumentException when the seed was not run
     */
    public T get(long seed) {
        T result = bySeed.get(seed);
        if (result == null) {
            throw new IllegalArgumentException("seed " + seed + " was not run; seeds: " + seeds());
        }
        return result;
    }

    /** @return the seeds, in increasing order */
    public Set<Long> seeds() {
        return bySeed.keySet();
    }

    /** @return the results, in seed order */
    public List<T> values() {
        return List.copyOf(bySeed.values());
    }

    /**
     * @param function what to take from each seed's result
     * @param <R> its type
     * @return that, per seed
     */
    public <R> PerSeed<R> map(Function<T, R> function) {
        TreeMap<Long, R> mapped = new TreeMap<>();
        bySeed.forEach((seed, result) -> mapped.put(seed, function.apply(result)));
        return new PerSeed<>(mapped);
    }

    /**
     * @param name what the numbers are, e.g. {@code "dense"}
     * @param number the number to take from each seed's result
     * @return one number per seed, to summarise or compare
     */
    public Sample sample(String name, ToDoubleFunction<T> number) {
        TreeMap<Long, Double> values = new TreeMap<>();
        bySeed.forEach((seed, result) -> values.put(seed, number.applyAsDouble(result)));
        return new Sample(name, values);
    }
}
