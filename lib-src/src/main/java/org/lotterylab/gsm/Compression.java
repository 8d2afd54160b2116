package org.lotterylab.gsm;

import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.Prune;

/**
 * A global compression ratio C, the only knob of Global Sparse Momentum: of the N prunable weights
 * (convolution and linear kernels, over all layers) Q = N / C are kept, wherever they are.
 *
 * <pre>{@code
 * Compression c = Compression.of(60);   // LeNet-300-100 in the paper: 266,200 weights → Q = 4,437
 * Mask mask = c.truncate(net);          // global magnitude pruning to exactly Q weights
 * }</pre>
 *
 * @param ratio C ≥ 1: 60 keeps 1/60 of the weights (1.67%)
 */
public record Compression(double ratio) {

    /** Validates the ratio. */
    public Compression {
        if (!(ratio >= 1 && Double.isFinite(ratio))) {
            throw new IllegalArgumentException("A compression ratio is ≥ 1 (60 keeps 1/60 of the weights), got " + ratio);
        }
    }

    /**
     * @param ratio C ≥ 1
     * @return the compression keeping 1/C of the weights
     */
    public static Compression of(double ratio) {
        return new Compression(ratio);
    }

    /**
     * @param total the number of prunable weights N
     * @return Q = round(N / C), at least one
     */
    public long keep(long total) {
        return Math.max(1, Math.round(total / ratio));
    }

    /**
     * @param net an initialised net
     * @return Q for its prunable weights
     */
    public long keep(Net net) {
        return keep(total(net));
    }

    /** @return the fraction of weights kept, 1/C */
    public double density() {
        return 1 / ratio;
    }

    /**
     * Keeps the Q weights of largest magnitude over all layers and zeroes the rest: GSM's final
     * step, and one-shot global magnitude pruning when applied to a densely trained net.
     *
     * @param net an initialised net; its pruned weights are set to zero
     * @return the mask of the Q kept weights
     */
    public Mask truncate(Net net) {
        long total = total(net);
        try (Mask all = Mask.ones(net)) {
            // The pruner removes round(fraction × N) weights, which is exactly N − Q for this fraction.
            return Prune.magnitude().global().prune(net, all, (double) (total - keep(total)) / total);
        }
    }

    private static long total(Net net) {
        return net.prunableParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    @Override
    public String toString() {
        return ratio == Math.rint(ratio) ? String.format("%.0f×", ratio) : ratio + "×";
    }
}
