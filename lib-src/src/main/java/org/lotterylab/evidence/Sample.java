package org.lotterylab.evidence;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One number per seed: a method's accuracy, a difference, a slope. Keyed by seed, so that two
 * samples of the same seeds are compared seed by seed ({@link #minus}).
 *
 * <pre>{@code
 * Sample dense = Sample.of("dense", Map.of(0L, 98.1, 1L, 97.9, 2L, 98.0));
 * dense.mean();        // 98.0
 * dense.interval();    // mean ± t(0.975, n−1) · sd / √n
 * }</pre>
 *
 * @param name what the numbers are, e.g. {@code "ticket at 7%"}; it names the sample in rules and in {@code results.json}
 * @param values seed → value, finite numbers, at least one
 */
public record Sample(String name, SortedMap<Long, Double> values) {

    /** Copies the values in seed order and checks that there is something finite to summarise. */
    public Sample {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a sample needs a name, e.g. \"dense\"");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the sample '" + name + "' has no values: run at least one seed");
        }
        values.forEach((seed, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("the sample '" + name + "' has " + value + " for seed " + seed
                        + ": only finite numbers can be summarised (did a run fail or diverge?)");
            }
        });
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /**
     * @param name what the numbers are
     * @param values seed → value
     * @return the sample
     */
    public static Sample of(String name, Map<Long, Double> values) {
        return new Sample(name, new TreeMap<>(values));
    }

    /** @return the number of seeds */
    public int n() {
        return values.size();
    }

    /** @return the seeds, in increasing order */
    public Set<Long> seeds() {
        return values.keySet();
    }

    /** @return the mean over seeds */
    public double mean() {
        return values.values().stream().mapToDouble(Double::doubleValue).sum() / n();
    }

    /** @return the sample standard deviation (divisor n − 1); NaN for a single seed */
    public double standardDeviation() {
        if (n() < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = values.values().stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (n() - 1));
    }

    /** @return the mean's 95% interval, Student's t with n − 1 degrees of freedom; the whole line for one seed */
    public Interval interval() {
        return Interval.around(mean(), n() < 2 ? Double.POSITIVE_INFINITY
                : StudentT.criticalValue95(n() - 1) * standardDeviation() / Math.sqrt(n()));
    }

    /** @return the mean with its interval, ready to compare with a margin */
    public Estimate estimate() {
        return Estimate.mean(this);
    }

    /**
     * The per-seed differences this − other, e.g. to follow a gap along an axis ({@link Trend}).
     *
     * @param other a sample of the same seeds
     * @return one difference per seed, named {@code "this − other"}
     * @throws IllegalArgumentException when the seeds differ
     */
    public Sample minusPerSeed(Sample other) {
        if (!seeds().equals(other.seeds())) {
            throw new IllegalArgumentException("per-seed differences need the same seeds: " + name + " has " + seeds()
                    + ", " + other.name() + " has " + other.seeds());
        }
        SortedMap<Long, Double> differences = new TreeMap<>();
        values.forEach((seed, value) -> differences.put(seed, value - other.values().get(seed)));
        return new Sample(name + " − " + other.name(), differences);
    }

    /**
     * The difference of the means, this − other: paired seed by seed when both samples have the
     * same seeds (a method and its baseline run from the same initialisations), Welch's unpaired
     * interval otherwise.
     *
     * @param other the sample subtracted
     * @return the difference with its interval
     */
    public Estimate minus(Sample other) {
        return Estimate.difference(this, other);
    }
}
