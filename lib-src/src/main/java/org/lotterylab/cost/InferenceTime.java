package org.lotterylab.cost;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import java.util.Arrays;
import org.lotterylab.nn.Net;

/**
 * The wall-clock time of forward passes of two nets on the same batch, to measure the real
 * speed-up of a structurally pruned (physically smaller) net. The passes alternate between the two
 * nets and the medians are compared, so that a change in the machine's load during the measurement
 * affects both alike.
 *
 * @param baselineSeconds the median seconds per forward pass of the baseline
 * @param otherSeconds the median seconds per forward pass of the other net
 */
public record InferenceTime(double baselineSeconds, double otherSeconds) {

    /** @return how many times faster the other net is */
    public double speedUp() {
        return baselineSeconds / otherSeconds;
    }

    /**
     * Times {@code repeats} inference-mode forward passes of each net, alternating, after two
     * warm-up passes each.
     *
     * @param baseline e.g. the dense net
     * @param other e.g. the net without its pruned filters
     * @param batch the input batch
     * @param repeats timed passes per net, at least 1
     * @return the two medians
     */
    public static InferenceTime compare(Net baseline, Net other, NDList batch, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("need at least one timed pass, got " + repeats);
        }
        double[] first = new double[repeats];
        double[] second = new double[repeats];
        for (int i = -2; i < repeats; i++) {
            double a = seconds(baseline, batch);
            double b = seconds(other, batch);
            if (i >= 0) {
                first[i] = a;
                second[i] = b;
            }
        }
        return new InferenceTime(median(first), median(second));
    }

    private static double seconds(Net net, NDList batch) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            long start = System.nanoTime();
            // Reading the result waits for it, whatever the device.
            net.forward(batch, false).head().toFloatArray();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
