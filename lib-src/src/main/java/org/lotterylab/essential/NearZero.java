package org.lotterylab.essential;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * The near-zero mass of a net: the fraction of its prunable weights whose magnitude lies below
 * each of several thresholds. The essential-sparsity paper counts "zero" weights without stating a
 * tolerance, so several are tracked: absolute magnitudes, or multiples of the weights' own standard
 * deviation at the time of the census.
 *
 * <p>Relative thresholds measure the <em>shape</em> of the distribution, not its scale: a Gaussian
 * has the same share below 0.1 σ (8%) whatever σ is, so a rise means the weights pile up near zero
 * compared with their spread. Absolute ones confound the two: BERT's initial weights (σ = 0.02)
 * already put 4% below 10⁻³ and 38% below 10⁻², and any growth of the weights lowers those shares.
 *
 * <pre>{@code
 * var nearZero = NearZero.relative(0.01, 0.03, 0.1);
 * Map<Double, Double> fractions = nearZero.fractions(net);   // multiple of σ → fraction in [0, 1]
 * }</pre>
 *
 * @param thresholds the magnitudes (or multiples of σ), increasing
 * @param relative whether the thresholds are multiples of the standard deviation of all prunable weights together
 */
public record NearZero(List<Double> thresholds, boolean relative) {

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
     * @return the census below these absolute magnitudes
     */
    public static NearZero below(double... thresholds) {
        return new NearZero(Arrays.stream(thresholds).boxed().toList(), false);
    }

    /**
     * @param multiples multiples of the weights' standard deviation, increasing
     * @return the census below these multiples of σ, σ measured at each census
     */
    public static NearZero relative(double... multiples) {
        return new NearZero(Arrays.stream(multiples).boxed().toList(), true);
    }

    /**
     * Counts over all of a net's prunable weights together (for BERT, the encoder's linear matrices).
     *
     * @param net an initialised net
     * @return threshold → fraction of those weights with |w| below it (below threshold · σ when
     *     relative), in the thresholds' order
     */
    public Map<Double, Double> fractions(Net net) {
        long[] below = new long[thresholds.size()];
        long total = 0;
        // The scope frees every temporary array (magnitudes, comparisons, counts) of the census.
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            double scale = relative ? standardDeviation(net) : 1;
            for (String name : net.prunableNames()) {
                NDArray magnitude = net.parameter(name).getArray().abs();
                total += magnitude.size();
                for (int i = 0; i < below.length; i++) {
                    below[i] += magnitude.lt(thresholds.get(i) * scale).countNonzero().getLong();
                }
            }
        }
        Map<Double, Double> fractions = new LinkedHashMap<>();
        for (int i = 0; i < below.length; i++) {
            fractions.put(thresholds.get(i), (double) below[i] / total);
        }
        return fractions;
    }

    /** The standard deviation of all prunable weights pooled, summed in double precision (millions of terms). */
    private static double standardDeviation(Net net) {
        double sum = 0;
        double squares = 0;
        long count = 0;
        for (String name : net.prunableNames()) {
            NDArray weights = net.parameter(name).getArray().toType(DataType.FLOAT64, false);
            sum += weights.sum().getDouble();
            squares += weights.mul(weights).sum().getDouble();
            count += weights.size();
        }
        double mean = sum / count;
        return Math.sqrt(Math.max(squares / count - mean * mean, 0));
    }
}
