package org.lotterylab.bip;

import java.util.Objects;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.Schedule;
import org.lotterylab.train.TrainingConfig;

/**
 * The hyper-parameters of BiP (Zhang et al. 2022, "Advancing model pruning via bi-level
 * optimization"). The paper: weight learning rate 0.01–0.1 (cosine), mask learning rate 0.1,
 * momentum 0.9, weight decay 1e-4, batch 128.
 *
 * <pre>{@code
 * var config = BipConfig.of(0.05, 3).filterwise();
 * }</pre>
 *
 * @param training the θ-step: optimizer, learning rate and schedule (which run over the θ-steps
 *     alone), momentum (of the mask step too), weight decay (of weights, not biases or
 *     normalisation), epochs (each batch is one step, θ-steps and mask steps alternate), batch
 *     size, and the seed of the batch order
 * @param density the fraction kept: of all weights (unstructured) or of every convolution's filters (structured)
 * @param structured filter-wise masks instead of a global top-k of weights
 * @param scoreLearningRate the mask step's rate (constant, no decay)
 * @param gamma γ of the lower level's ridge term (γ/2)‖θ‖², which scales the implicit gradient by 1/γ
 * @param implicitGradient whether the mask step adds the implicit-gradient term (off = Hydra-style score training)
 */
public record BipConfig(TrainingConfig training, double density, boolean structured, double scoreLearningRate,
        double gamma, boolean implicitGradient) {

    /** Validates the configuration, naming the bad value. */
    public BipConfig {
        Objects.requireNonNull(training, "training");
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("density must lie in (0, 1], got " + density);
        }
        if (!(scoreLearningRate > 0 && Double.isFinite(scoreLearningRate))) {
            throw new IllegalArgumentException("scoreLearningRate must be finite and > 0, got " + scoreLearningRate);
        }
        if (!(gamma > 0 && Double.isFinite(gamma))) {
            throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
        }
    }

    /**
     * @param density the fraction of weights kept
     * @param epochs passes over the training set
     * @return unstructured BiP with the implicit gradient: SGD with momentum 0.9, weights at 0.01
     *     (cosine) with decay 1e-4, masks at 0.1, γ = 1, batch 128, seed 0
     */
    public static BipConfig of(double density, int epochs) {
        TrainingConfig training = TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.01)
                .withMomentum(0.9).withWeightDecay(1e-4).withSchedule(Schedule.cosine()).withEpochs(epochs)
                .withBatchSize(128);
        return new BipConfig(training, density, false, 0.1, 1, true);
    }

    /** @param value the θ-step's training @return a copy with it */
    public BipConfig withTraining(TrainingConfig value) {
        return new BipConfig(value, density, structured, scoreLearningRate, gamma, implicitGradient);
    }

    /** @param value the density @return a copy with it */
    public BipConfig withDensity(double value) {
        return new BipConfig(training, value, structured, scoreLearningRate, gamma, implicitGradient);
    }

    /** @return a copy pruning whole filters */
    public BipConfig filterwise() {
        return new BipConfig(training, density, true, scoreLearningRate, gamma, implicitGradient);
    }

    /** @param value the mask step's rate @return a copy with it */
    public BipConfig withScoreLearningRate(double value) {
        return new BipConfig(training, density, structured, value, gamma, implicitGradient);
    }

    /** @param value γ @return a copy with it */
    public BipConfig withGamma(double value) {
        return new BipConfig(training, density, structured, scoreLearningRate, value, implicitGradient);
    }

    /** @param value whether the mask step adds the implicit gradient @return a copy with it */
    public BipConfig withImplicitGradient(boolean value) {
        return new BipConfig(training, density, structured, scoreLearningRate, gamma, value);
    }
}
