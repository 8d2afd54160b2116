package org.lotterylab.essential;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * The near-zero mass of a net: the fraction of its prunable weights whose magnitude lies below
 * each of several thresholds. The essential-sparsity paper counts "zero" weights without stating a
 * tolerance, so several are tracked.
 *
 * <pre>{@code
 * var nearZero = NearZero.below(1e-3, 3e-3, 1e-2);
 * Map<Double, Double> fractions = nearZero.fractions(net);   // threshold → fraction in [0, 1]
 * }</pre>
 *
 * @param thresholds the magnitudes, increasing
 */
public record NearZero(List<Double> thresholds) {

    /** Copies the thresholds and checks that they are positive and increasing. */
    public NearZero {
        thresholds = List.copyOf(thresholds);
        for (int i = 0; i < thresholds.size(); i++) {
            if (!(thresholds.get(i) > 0) || i > 0 && thresholds.get(i) <= thresholds.get(i - 1)) {
                throw new IllegalArgumentException("thresholds must be positive and increasing, got " + thresholds);
            }
        }
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("give at least one threshold, e.g. NearZero.below(1e-3)");
        }
    }

    /**
     * @param thresholds the magnitudes, increasing
     * @return the census at these thresholds
     */
    public static NearZero below(double... thresholds) {
        return new NearZero(Arrays.stream(thresholds).boxed().toList());
    }

    /**
     * Counts over all of a net's prunable weights together (for BERT, the encoder's linear matrices).
     *
     * @param net an initialised net
     * @return threshold → fraction of those weights with |w| below it, in the thresholds' order
     */
    public Map<Double, Double> fractions(Net net) {
        long[] below = new long[thresholds.size()];
        long total = 0;
        // The scope frees every temporary array (magnitudes, comparisons, counts) of the census.
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (String name : net.prunableNames()) {
                NDArray magnitude = net.parameter(name).getArray().abs();
                total += magnitude.size();
                for (int i = 0; i < below.length; i++) {
                    below[i] += magnitude.lt(thresholds.get(i)).countNonzero().getLong();
                }
            }
        }
        Map<Double, Double> fractions = new LinkedHashMap<>();
        for (int i = 0; i < below.length; i++) {
            fractions.put(thresholds.get(i), (double) below[i] / total);
        }
        return fractions;
    }
}
