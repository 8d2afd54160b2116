package org.lotterylab.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Whether a quantity rises or falls along an axis (sparsity, data-set size): the least-squares
 * slope per seed, then the mean slope over seeds with its interval, so that "the gap grows with
 * sparsity" is decided as {@code Trend.slope(...).above(0)}.
 */
public final class Trend {

    private Trend() {}

    /**
     * @param quantity what the slope is of, e.g. {@code "ticket − reinit per round"}
     * @param x the axis, one position per sample, at least two distinct
     * @param samples the quantity at each position, all of the same seeds
     * @return the mean over seeds of each seed's least-squares slope, with its interval
     */
    public static Estimate slope(String quantity, double[] x, List<Sample> samples) {
        if (x.length != samples.size()) {
            throw new IllegalArgumentException(x.length + " positions for " + samples.size() + " samples");
        }
        Set<Long> seeds = samples.get(0).seeds();
        if (samples.stream().anyMatch(s -> !s.seeds().equals(seeds))) {
            throw new IllegalArgumentException("a slope per seed needs every sample on the same seeds; got "
                    + samples.stream().map(s -> s.name() + " " + s.seeds()).toList());
        }
        double meanX = Arrays.stream(x).average().orElseThrow();
        double sxx = Arrays.stream(x).map(v -> (v - meanX) * (v - meanX)).sum();
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("a slope needs at least two distinct positions on the axis");
        }
        SortedMap<Long, Double> slopes = new TreeMap<>();
        for (long seed : seeds) {
            double sxy = 0;
            for (int i = 0; i < x.length; i++) {
                sxy += (x[i] - meanX) * samples.get(i).values().get(seed);
            }
            slopes.put(seed, sxy / sxx);
        }
        Sample slope = new Sample(quantity, slopes);
        List<Sample> all = new ArrayList<>(samples);
        all.add(slope);
        return new Estimate(quantity, slope.mean(), slope.interval(), slope.n(),
                "mean over " + slope.n() + " seeds of each seed's least-squares slope, Student's t", all);
    }
}
