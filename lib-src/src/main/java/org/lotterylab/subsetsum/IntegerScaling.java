package org.lotterylab.subsetsum;

/**
 * Values and target multiplied by a scale s and rounded to longs, for an integer solver. Each
 * rounding moves a number by at most 1/(2s), so any subset's scaled error differs from its true
 * error by at most {@code slack} = (n + 1)/(2s): the scale is chosen to make that ε/100, which keeps
 * "within ε" decidable from the integer problem up to a thin band that the caller re-checks in doubles.
 */
final class IntegerScaling {

    /** Integers above this lose CP-SAT's exactness guarantees (it works in int64 with headroom). */
    private static final double LARGEST = 0x1p52;

    final double scale;
    final double slack;
    final long[][] vectors;
    final long[] target;
    /** An upper bound on any |scaled subset sum − scaled target|, for the error variable's domain. */
    final long errorBound;

    IntegerScaling(Instance instance) {
        double largest = Math.abs(instance.epsilon);
        for (double[] v : instance.vectors) {
            for (double x : v) {
                largest = Math.max(largest, Math.abs(x));
            }
        }
        for (double z : instance.target) {
            largest = Math.max(largest, Math.abs(z));
        }
        this.scale = 50.0 * (instance.n + 1) / instance.epsilon;
        this.slack = (instance.n + 1) / (2 * scale);
        double bound = (instance.n + 1) * largest * scale + 1;
        if (bound > LARGEST) {
            throw new IllegalArgumentException(String.format(
                    "values up to %.3g with ε = %.3g need integers beyond 2^52 after scaling: use a larger ε or rescale the values",
                    largest, instance.epsilon));
        }
        this.errorBound = (long) Math.ceil(bound);
        this.vectors = new long[instance.n][];
        for (int i = 0; i < instance.n; i++) {
            vectors[i] = round(instance.vectors[i]);
        }
        this.target = round(instance.target);
    }

    private long[] round(double[] values) {
        long[] rounded = new long[values.length];
        for (int d = 0; d < values.length; d++) {
            rounded[d] = Math.round(values[d] * scale);
        }
        return rounded;
    }

    /** The true error that a scaled error of {@code scaled} guarantees to be at least. */
    double lowerBound(double scaled) {
        return scaled / scale - slack;
    }
}
