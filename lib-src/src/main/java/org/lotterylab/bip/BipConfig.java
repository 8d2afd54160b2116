package org.lotterylab.bip;

import java.util.stream.DoubleStream;

/**
 * The hyper-parameters of BiP (Zhang et al. 2022, "Advancing model pruning via bi-level
 * optimization"). The paper: weight learning rate 0.01–0.1 (cosine), mask learning rate 0.1,
 * momentum 0.9, weight decay 1e-4, batch 128.
 *
 * @param density the fraction kept: of all weights (unstructured) or of every convolution's filters (structured)
 * @param structured filter-wise masks instead of a global top-k of weights
 * @param epochs passes over the training set; each batch is one step, θ-steps and mask steps alternate
 * @param batchSize samples per minibatch
 * @param weightLearningRate the θ-step's base rate, decayed by a cosine schedule
 * @param scoreLearningRate the mask step's rate (constant)
 * @param momentum SGD momentum of both steps
 * @param weightDecay L2 decay of the weights in the θ-step (not of biases or normalisation)
 * @param gamma γ of the lower level's ridge term (γ/2)‖θ‖², which scales the implicit gradient by 1/γ
 * @param implicitGradient whether the mask step adds the implicit-gradient term (off = Hydra-style score training)
 * @param seed the batch order's seed
 */
public record BipConfig(double density, boolean structured, int epochs, int batchSize, double weightLearningRate,
        double scoreLearningRate, double momentum, double weightDecay, double gamma, boolean implicitGradient,
        long seed) {

    /** Validates the configuration, naming the bad value. */
    public BipConfig {
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("density must lie in (0, 1], got " + density);
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("need epochs ≥ 1 and batchSize ≥ 1, got " + epochs + " and " + batchSize);
        }
        boolean finite = DoubleStream.of(weightLearningRate, scoreLearningRate, weightDecay, gamma).allMatch(Double::isFinite);
        if (!(finite && weightLearningRate > 0 && scoreLearningRate > 0 && momentum >= 0 && momentum < 1
                && weightDecay >= 0 && gamma > 0)) {
            throw new IllegalArgumentException("need finite learning rates > 0, momentum in [0, 1), finite weightDecay ≥ 0"
                    + " and finite gamma > 0;"
                    + " got " + weightLearningRate + ", " + scoreLearningRate + ", " + momentum + ", " + weightDecay
                    + ", " + gamma);
        }
    }

    /**
     * @param density the fraction of weights kept
     * @param epochs passes over the training set
     * @return unstructured BiP with the implicit gradient, the paper's rates, γ = 1, batch 128, seed 0
     */
    public static BipConfig of(double density, int epochs) {
        return new BipConfig(density, false, epochs, 128, 0.01, 0.1, 0.9, 1e-4, 1, true, 0);
    }

    /** @param value the density @return a copy with it */
    public BipConfig withDensity(double value) {
        return new BipConfig(value, structured, epochs, batchSize, weightLearningRate, scoreLearningRate, momentum,
                weightDecay, gamma, implicitGradient, seed);
    }

    /** @return a copy pruning whole filters */
    public BipConfig filterwise() {
        return new BipConfig(density, true, epochs, batchSize, weightLearningRate, scoreLearningRate, momentum,
                weightDecay, gamma, implicitGradient, seed);
    }

    /** @param value whether the mask step adds the implicit gradient @return a copy with it */
    public BipConfig withImplicitGradient(boolean value) {
        return new BipConfig(density, structured, epochs, batchSize, weightLearningRate, scoreLearningRate, momentum,
                weightDecay, gamma, value, seed);
    }

    /** @param value the batch size @return a copy with it */
    public BipConfig withBatchSize(int value) {
        return new BipConfig(density, structured, epochs, value, weightLearningRate, scoreLearningRate, momentum,
                weightDecay, gamma, implicitGradient, seed);
    }

    /**
     * @param weights the θ-step's base rate
     * @param scores the mask step's rate
     * @return a copy with them
     */
    public BipConfig withLearningRates(double weights, double scores) {
        return new BipConfig(density, structured, epochs, batchSize, weights, scores, momentum, weightDecay, gamma,
                implicitGradient, seed);
    }

    /** @param value γ @return a copy with it */
    public BipConfig withGamma(double value) {
        return new BipConfig(density, structured, epochs, batchSize, weightLearningRate, scoreLearningRate, momentum,
                weightDecay, value, implicitGradient, seed);
    }

    /** @param value the seed @return a copy with it */
    public BipConfig withSeed(long value) {
        return new BipConfig(density, structured, epochs, batchSize, weightLearningRate, scoreLearningRate, momentum,
                weightDecay, gamma, implicitGradient, value);
    }
}
