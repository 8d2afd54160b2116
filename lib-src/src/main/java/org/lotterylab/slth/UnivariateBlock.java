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
        log.forTerms(target.terms());
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
            double[] scales = new double[block];
            int n = 0;
            for (int k = 0; k < block; k++) {
                double a = univariate.weight(i * block + k, i, 0);
                if (Math.signum(a) == sign) {
                    members[n] = i * block + k;
                    scales[n++] = phi.gain() * Math.abs(a);
                }
            }
            for (int chosen : solve(neuron, Arrays.copyOf(members, n), t, Arrays.copyOf(scales, n), sign * w, log)) {
                keepOne(neuron, i, t, members[chosen]);
            }
        }
        return 0;
    }

    /** The near-linear regime; returns the constant φ(0)·Σw the chosen neurons add. */
    private double linear(int neuron, int i, int t, double w, SolveLog log) {
        int[] members = new int[block];
        double[] scales = new double[block];
        for (int k = 0; k < block; k++) {
            members[k] = i * block + k;
            scales[k] = phi.gain() * univariate.weight(members[k], i, 0);
        }
        double constant = 0;
        for (int chosen : solve(neuron, members, t, scales, w, log)) {
            keepOne(neuron, i, t, members[chosen]);
            // Read after the solve: a redraw may have replaced the weight.
            constant += phi.valueAtZero() * sum.weight(neuron, members[chosen], t);
        }
        return constant;
    }

    private void keepOne(int neuron, int i, int t, int member) {
        sum.keep(neuron, member, t);
        univariate.keep(member, i, 0);
    }

    private void bias(int neuron, double value, SolveLog log) {
        int first = univariate.outputs - biasNeurons;
        int[] members = new int[biasNeurons];
        double[] scales = new double[biasNeurons];
        for (int b = 0; b < biasNeurons; b++) {
            members[b] = first + b;
            scales[b] = phi.apply(univariate.biases[first + b]);
        }
        for (int chosen : solve(neuron, members, 0, scales, value, log)) {
            sum.keep(neuron, members[chosen], 0);
        }
    }

    /**
     * One subset sum over candidates scale_j·w_j, w_j the sum layer's weight from univariate neuron
     * members[j] to {@code neuron} at tap t; a redraw draws those weights afresh (the univariate
     * neurons, shared by every output, stay).
     *
     * @return the chosen indices into {@code members}
     */
    private int[] solve(int neuron, int[] members, int t, double[] scales, double target, SolveLog log) {
        double[] values = new double[members.length];
        for (int j = 0; j < members.length; j++) {
            values[j] = scales[j] * sum.weight(neuron, members[j], t);
        }
        return log.solve(values, target, random -> {
            double[] fresh = new double[members.length];
            for (int j = 0; j < members.length; j++) {
                fresh[j] = scales[j] * sum.redraw(neuron, members[j], t, random);
            }
            return fresh;
        });
    }
}
