package org.lotterylab.slth;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;

/**
 * The activation functions the constructions are tried with, and the properties of each that a
 * construction relies on.
 *
 * <p>Two families. <b>Positively homogeneous</b> ones (ReLU, leaky ReLU) satisfy
 * φ(a·x) = |a|·φ(sign(a)·x) and φ(x) − φ(−x) = c·x exactly ({@link #gain()}), which is what
 * ReLU's ± split of the first layer uses. <b>Smooth</b> ones (tanh, sigmoid, softplus) are used
 * near 0 in the first layer, φ(a·x) ≈ φ(0) + φ'(0)·a·x; {@link #linearScale()} says how small
 * a·x is kept there.
 */
public enum Nonlinearity {

    /** max(0, x). */
    RELU("ReLU", true, 0, 1, 1),
    /** max(0.01·x, x), PyTorch's default slope. */
    LEAKY_RELU("leaky ReLU", true, 0, 1 + Slopes.LEAKY, 1),
    /**
     * tanh: odd, so the error of the linear regime is third order; an argument scale of 0.05
     * keeps it below 1e-3 per term for inputs in [−1, 1].
     */
    TANH("tanh", false, 0, 1, 0.05),
    /**
     * 1 / (1 + e^−x): like tanh, sigmoid − ½ is odd, but φ(0) = ½ must cancel in the biases, and
     * the weights reading the first layer (1/(s·φ'(0)) = 16 times larger) magnify what is left of
     * it: the larger scale of 0.25 balances that against the third-order error (below 1e-2 per
     * term for inputs in [0, 1]).
     */
    SIGMOID("sigmoid", false, 0.5, 0.25, 0.25),
    /**
     * ln(1 + e^x), the smooth one beyond the paper's list: not odd around 0, so its linear regime
     * has a second-order error (about s·a²x²/4 per term), while φ(0) = ln 2 must cancel in the
     * biases like sigmoid's; 0.02 balances the two.
     */
    SOFTPLUS("softplus", false, Math.log(2), 0.5, 0.02);

    private final String label;
    private final boolean homogeneous;
    private final double valueAtZero;
    private final double gain;
    private final double linearScale;

    Nonlinearity(String label, boolean homogeneous, double valueAtZero, double gain, double linearScale) {
        this.label = label;
        this.homogeneous = homogeneous;
        this.valueAtZero = valueAtZero;
        this.gain = gain;
        this.linearScale = linearScale;
    }

    /** Holds the leaky slope, which an enum constant's arguments cannot refer to through the enum itself. */
    private static final class Slopes {
        static final double LEAKY = 0.01;
    }

    /** Returns φ(x) in double precision. */
    public double apply(double x) {
        return switch (this) {
            case RELU -> Math.max(0, x);
            case LEAKY_RELU -> x >= 0 ? x : Slopes.LEAKY * x;
            case TANH -> Math.tanh(x);
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case SOFTPLUS -> x > 30 ? x : Math.log1p(Math.exp(x));
        };
    }

    /** Returns the DJL layer computing φ. */
    public Block block() {
        return switch (this) {
            case RELU -> Activation.reluBlock();
            case LEAKY_RELU -> Activation.leakyReluBlock((float) Slopes.LEAKY);
            case TANH -> Activation.tanhBlock();
            case SIGMOID -> Activation.sigmoidBlock();
            case SOFTPLUS -> Activation.softPlusBlock();
        };
    }

    /** Returns whether φ(a·x) = |a|·φ(sign(a)·x) for every a, x (ReLU and leaky ReLU). */
    public boolean positivelyHomogeneous() {
        return homogeneous;
    }

    /**
     * Returns the factor g by which a first-layer neuron passes its input on: for a positively
     * homogeneous φ the c with φ(x) − φ(−x) = c·x (1 for ReLU, 1 + α for leaky ReLU), for a smooth
     * φ its slope φ'(0) in the near-linear regime.
     */
    public double gain() {
        return gain;
    }

    /** Returns φ(0), the constant a near-linear neuron adds, which the biases cancel. */
    public double valueAtZero() {
        return valueAtZero;
    }

    /**
     * Returns the factor s that keeps a smooth φ near-linear: first-layer weights are drawn as
     * s·U(−2, 2) and the weights reading them as U(−1, 1)/(s·g), so that a product of the two times
     * the gain g keeps the paper's distribution U(−1, 1)·U(−2, 2) while φ only sees s-small
     * arguments. 1 for a homogeneous φ, which needs no linear regime.
     */
    public double linearScale() {
        return linearScale;
    }

    @Override
    public String toString() {
        return label;
    }
}
