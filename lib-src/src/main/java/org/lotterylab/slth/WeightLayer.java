package org.lotterylab.slth;

import java.util.Arrays;

/**
 * One weight layer of a target network as the constructions read it: a convolution with
 * {@code outputs × inputs} kernels of {@code height × width} taps, and a bias per output.
 *
 * <p>A fully connected layer is the case of 1×1 kernels, or — after a flatten — the case of a
 * kernel as large as its input feature map, so that one representation covers MLPs and CNNs.
 * Entry (o, i, t) is the weight from input unit i to output unit o at tap t (row-major over the
 * kernel); a zero weight is a pruned one and costs no subset sum.
 *
 * @param outputs output units (channels)
 * @param inputs input units (channels)
 * @param height kernel height
 * @param width kernel width
 * @param weights {@code outputs·inputs·height·width} values, index ((o·inputs + i)·height + y)·width + x
 * @param biases one per output
 */
public record WeightLayer(int outputs, int inputs, int height, int width, double[] weights, double[] biases) {

    /** Checks the array lengths against the shape. */
    public WeightLayer {
        if (outputs < 1 || inputs < 1 || height < 1 || width < 1
                || weights.length != (long) outputs * inputs * height * width || biases.length != outputs) {
            throw new IllegalArgumentException("a " + outputs + "×" + inputs + "×" + height + "×" + width
                    + " layer needs that many weights and " + outputs + " biases, got " + weights.length
                    + " and " + biases.length);
        }
    }

    /** Returns the number of taps of a kernel. */
    public int taps() {
        return height * width;
    }

    /** Returns the weight from input {@code i} to output {@code o} at tap {@code t}. */
    public double weight(int o, int i, int t) {
        return weights[(o * inputs + i) * taps() + t];
    }

    /** Returns the number of non-zero weights (the subset sums a construction solves per copy). */
    public long nonZero() {
        return Arrays.stream(weights).filter(w -> w != 0).count();
    }

    /**
     * Returns the largest number of terms in any output's sum: its non-zero weights, plus its bias
     * when non-zero. The errors of approximated weights add up over these terms, so a per-weight
     * tolerance of ε over this keeps every output within ε.
     */
    public int terms() {
        int largest = 0;
        for (int o = 0; o < outputs; o++) {
            int count = biases[o] != 0 ? 1 : 0;
            for (int i = 0; i < inputs * taps(); i++) {
                count += weights[o * inputs * taps() + i] != 0 ? 1 : 0;
            }
            largest = Math.max(largest, count);
        }
        return Math.max(largest, 1);
    }

    /**
     * Adds an output unit whose pre-activation is the constant 1 (zero weights, bias 1): its
     * output φ(1) carries the biases of the next layer in a construction whose deeper layers have
     * no bias neurons of their own.
     */
    public WeightLayer withConstantUnit() {
        double[] b = Arrays.copyOf(biases, outputs + 1);
        b[outputs] = 1;
        return new WeightLayer(outputs + 1, inputs, height, width, Arrays.copyOf(weights, weights.length + inputs * taps()),
                b);
    }

    /**
     * Reads a constant input unit instead of biases: adds input unit {@code inputs} whose value is
     * {@code constant} everywhere and moves every bias b onto its first tap as b / constant.
     *
     * @param constant the value the constant unit outputs, non-zero
     */
    public WeightLayer withConstantInput(double constant) {
        if (constant == 0) {
            throw new IllegalArgumentException("a constant input of 0 cannot carry a bias");
        }
        int wider = inputs + 1;
        double[] w = new double[outputs * wider * taps()];
        for (int o = 0; o < outputs; o++) {
            System.arraycopy(weights, o * inputs * taps(), w, o * wider * taps(), inputs * taps());
            w[(o * wider + inputs) * taps()] = biases[o] / constant;
        }
        return new WeightLayer(outputs, wider, height, width, w, new double[outputs]);
    }
}
