package org.lotterylab.gsm;

import java.util.Objects;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.TrainingConfig;

/**
 * The hyper-parameters of a Global Sparse Momentum run, a plain record for the run store. GSM is
 * momentum SGD, so the training configuration carries its constants: α is the learning rate (and
 * its schedule), β the momentum, η the weight decay.
 *
 * <pre>{@code
 * var training = TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.03)
 *         .withMomentum(0.99).withWeightDecay(5e-3).withEpochs(20).withBatchSize(64);
 * var config = new GsmConfig(training, Compression.of(60));
 * }</pre>
 *
 * @param training α, β, η, epochs, batch size, seed; its optimizer must be {@code SGD_MOMENTUM}
 * @param compression C: Q = N / C weights receive gradient, and survive the final truncation
 */
public record GsmConfig(TrainingConfig training, Compression compression) {

    /** Validates the configuration, naming the bad value. */
    public GsmConfig {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(compression, "compression");
        if (training.optimizer() != OptimizerKind.SGD_MOMENTUM) {
            throw new IllegalArgumentException("GSM is momentum SGD: use training.withOptimizer(OptimizerKind.SGD_MOMENTUM, rate), got "
                    + training.optimizer());
        }
        if (!(training.weightDecay() > 0)) {
            throw new IllegalArgumentException("GSM needs a weight decay η > 0, which is what shrinks the passive weights"
                    + " (the paper: 5e-4 over 200+ epochs; 5e-3 for short runs), got " + training.weightDecay());
        }
    }

    /** @param ratio C @return a copy with this compression */
    public GsmConfig withCompression(double ratio) {
        return new GsmConfig(training, Compression.of(ratio));
    }

    /** @param beta β @return a copy with this momentum */
    public GsmConfig withMomentum(double beta) {
        return new GsmConfig(training.withMomentum(beta), compression);
    }

    /**
     * How much a weight that never receives gradient shrinks over a run of constant learning rate
     * α: such a weight follows {@code w_t = (1 + β − αη) w_(t−1) − β w_(t−2)}, so it shrinks by the
     * recurrence's spectral radius ρ per step. While αη ≤ (1 − √β)², ρ ≈ 1 − αη/(1−β) (the paper's
     * estimate); above that the weight oscillates around 0 and ρ = √β, the fastest decay momentum β
     * allows. Passive weights must end far below the active ones for truncation to cost nothing.
     *
     * @param iterations the number of optimizer steps of the run
     * @return ρ^iterations, the envelope of |w_T / w_0|, in [0, 1]
     */
    public double passiveShrinkage(int iterations) {
        double beta = training.momentum();
        double sum = 1 + beta - training.learningRate() * training.weightDecay();
        double discriminant = sum * sum - 4 * beta;
        double radius = discriminant >= 0 ? Math.abs(sum + Math.signum(sum) * Math.sqrt(discriminant)) / 2 : Math.sqrt(beta);
        return Math.pow(radius, iterations);
    }
}
