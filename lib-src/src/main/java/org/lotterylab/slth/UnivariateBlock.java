package org.lotterylab.slth;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two source layers standing for one target layer whose inputs may have any sign: the step that
 * the L+1 construction takes once (for the first target layer) and the 2L construction takes for
 * every target layer.
 *
 * <p><b>Univariate layer</b> (a 1×1 convolution): each target input unit i gets its own block of
 * neurons that read only unit i, with weights a ~ s·U(−2, 2), plus a block of bias neurons whose
 * input weights are all pruned and whose biases c ~ U(0, 2) make them output the constants φ(c).
 * <b>Sum layer</b> (the target's kernel shape): {@code copies} source neurons per target output,
 * weights w ~ U(−1, 1)/(s·g) ({@link Nonlinearity#gain()}). Target weight W[o, i, t] becomes a
 * subset sum over input i's block:
 * <ul>
 *   <li>positively homogeneous φ (ReLU's ± split): φ(a·x) = |a|·φ(±x), and W·x = W·(φ(x) − φ(−x)) / g,
 *       so one subset of the a &gt; 0 neurons sums g·w·a to W and one of the a &lt; 0 neurons sums
 *       g·w·|a| to −W — exact whatever the sign of x;
 *   <li>smooth φ (near-linear regime): φ(a·x) ≈ φ(0) + g·a·x, so one subset sums g·w·a to W and
 *       leaves the constant φ(0)·Σw, which the bias subtracts.
 * </ul>
 * The target bias, less those constants, is a subset sum of w·φ(c) over the bias neurons, read at
 * the kernel's first tap (a constant map gives the same value at every tap of a valid convolution).
 * A univariate neuron is kept only if some subset uses it.
 */
final class UnivariateBlock {

    private final SourceLayer univariate;
    private final SourceLayer sum;
    private final WeightLayer target;
    private final Nonlinearity phi;
    private final int block;
    private final int biasNeurons;
    private final int copies;

    /**
     * @param target the target layer (biases included)
     * @param names the names of the two source layers
     * @param copies source neurons per target output
     * @param rho the over-parameterisation ρ: blocks of 2ρ neurons for homogeneous φ (ρ per sign), ρ
     *     otherwise; 2ρ bias neurons (4ρ when φ(0) ≠ 0)
     * @param last whether the target layer is the output layer (no activation after it)
     * @param pooled whether pooling follows the target layer
     */
    UnivariateBlock(WeightLayer target, Nonlinearity phi, String[] names, int copies, int rho, boolean last,
            boolean pooled, SplittableRandom random) {
        this.target = target;
        this.phi = phi;
        this.copies = copies;
        this.block = phi.positivelyHomogeneous() ? 2 * rho : rho;
        // The constants φ(0)·Σw that a smooth φ leaves are magnified by 1/(s·g) and add up over the
        // fan-in: cancelling them takes a wider bias block than the target's biases alone.
        this.biasNeurons = phi.valueAtZero() == 0 ? 2 * rho : 4 * rho;
        double s = phi.linearScale();
        int neurons = target.inputs() * block + biasNeurons;
        this.univariate = new SourceLayer(names[0], neurons, target.inputs(), 1, 1, 2 * s, true, false, random);
        for (int b = 0; b < biasNeurons; b++) {
            univariate.biases[neurons - biasNeurons + b] = (float) random.nextDouble(0, 2);
        }
        this.sum = new SourceLayer(names[1], target.outputs() * copies, neurons, target.height(), target.width(),
                1 / (s * phi.gain()), !last, pooled, random);
    }

    /** Solves every subset sum and returns the two pruned layers. */
    List<SourceLayer> build(SolveLog log) {
        for (int o = 0; o < target.outputs(); o++) {
            for (int c = 0; c < copies; c++) {
                int neuron = o * copies + c;
                double constants = 0;
                for (int i = 0; i < target.inputs(); i++) {
                    for (int t = 0; t < target.taps(); t++) {
                        double w = target.weight(o, i, t);
                        if (w != 0) {
                            constants += phi.positivelyHomogeneous() ? split(neuron, i, t, w, log) : linear(neuron, i, t, w, log);
                        }
                    }
                }
                bias(neuron, target.biases()[o] - constants, log);
            }
        }
        return List.of(univariate, sum);
    }

    /** ReLU's ± split; returns the constant it adds (none). */
    private double split(int neuron, int i, int t, double w, SolveLog log) {
        for (int sign : new int[] {1, -1}) {
            int[] members = new int[block];
            double[] values = new double[block];
            int n = 0;
            for (int k = 0; k < block; k++) {
                double a = univariate.weight(i * block + k, i, 0);
                if (Math.signum(a) == sign) {
                    members[n] = k;
                    values[n++] = phi.gain() * sum.weight(neuron, i * block + k, t) * Math.abs(a);
                }
            }
            keep(neuron, i, t, members, log.solve(Arrays.copyOf(values, n), sign * w));
        }
        return 0;
    }

    /** The near-linear regime; returns the constant φ(0)·Σw the chosen neurons add. */
    private double linear(int neuron, int i, int t, double w, SolveLog log) {
        double[] values = new double[block];
        for (int k = 0; k < block; k++) {
            values[k] = phi.gain() * sum.weight(neuron, i * block + k, t) * univariate.weight(i * block + k, i, 0);
        }
        double constant = 0;
        for (int k : log.solve(values, w)) {
            keepOne(neuron, i, t, k);
            constant += phi.valueAtZero() * sum.weight(neuron, i * block + k, t);
        }
        return constant;
    }

    private void keep(int neuron, int i, int t, int[] members, int[] chosen) {
        for (int index : chosen) {
            keepOne(neuron, i, t, members[index]);
        }
    }

    private void keepOne(int neuron, int i, int t, int k) {
        sum.keep(neuron, i * block + k, t);
        univariate.keep(i * block + k, i, 0);
    }

    private void bias(int neuron, double value, SolveLog log) {
        int first = univariate.outputs - biasNeurons;
        double[] values = new double[biasNeurons];
        for (int b = 0; b < biasNeurons; b++) {
            values[b] = sum.weight(neuron, first + b, 0) * phi.apply(univariate.biases[first + b]);
        }
        for (int chosen : log.solve(values, value)) {
            sum.keep(neuron, first + chosen, 0);
        }
    }
}
