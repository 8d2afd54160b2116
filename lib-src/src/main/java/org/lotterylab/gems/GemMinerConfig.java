package org.lotterylab.gems;

import java.util.Objects;
import org.lotterylab.prune.Ties;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.Schedule;
import org.lotterylab.train.TrainingConfig;

/**
 * The hyper-parameters of GEM-MINER's mining phase (Sreenivasan et al. 2022). The paper's
 * ResNet-20 on CIFAR-10: 150 epochs, freezing every 5, λ = 1e-4, SGD at 0.1 with a cosine
 * schedule.
 *
 * <pre>{@code
 * var config = GemMinerConfig.of(0.05, 20).withFreezeEvery(2);
 * }</pre>
 *
 * @param training how the scores train: optimizer, learning rate and schedule, momentum, epochs E,
 *     batch size, and the seed of the scores and of the batch order; its weight decay must be 0,
 *     since the scores' only decay is the regulariser's
 * @param density the target density δ of the final mask, in (0, 1)
 * @param freezeEvery T: a global freezing step follows every T-th epoch, P = ⌊(E − 1)/T⌋ in all
 * @param lambda λ of the regulariser λ·Σ s²
 * @param randomTies whether scores tied at a freezing threshold (and in the inversion) are chosen at random for the
 *     training's seed rather than by position: clamped scores tie in bulk at exactly 0 and 1, and by position the
 *     first layers would always win
 */
public record GemMinerConfig(TrainingConfig training, double density, int freezeEvery, double lambda, boolean randomTies) {

    /** Validates the configuration, naming the bad value. */
    public GemMinerConfig {
        Objects.requireNonNull(training, "training");
        if (!(density > 0 && density < 1)) {
            throw new IllegalArgumentException("density must lie in (0, 1), got " + density);
        }
        if (freezeEvery < 1 || training.epochs() <= freezeEvery) {
            throw new IllegalArgumentException("GEM-MINER needs epochs > freezeEvery ≥ 1 so that it freezes at least once,"
                    + " got epochs " + training.epochs() + " and freezeEvery " + freezeEvery);
        }
        if (!(lambda >= 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambda must be finite and ≥ 0, got " + lambda);
        }
        if (training.weightDecay() != 0) {
            throw new IllegalArgumentException("GEM-MINER decays the scores by its regulariser λ·Σ s² alone: set lambda,"
                    + " and leave the training's weight decay at 0 (got " + training.weightDecay() + ")");
        }
    }

    /**
     * The configuration with ties broken at random for the training's seed.
     *
     * @param training how the scores train
     * @param density the target density δ
     * @param freezeEvery the freezing period T
     * @param lambda λ of the regulariser
     */
    public GemMinerConfig(TrainingConfig training, double density, int freezeEvery, double lambda) {
        this(training, density, freezeEvery, lambda, true);
    }

    /**
     * @param density the target density
     * @param epochs mining epochs
     * @return the paper's settings (T = 5 scaled to the epochs, λ 1e-4, SGD at 0.1 with momentum 0.9
     *     on a cosine schedule, batch 128, seed 0)
     */
    public static GemMinerConfig of(double density, int epochs) {
        TrainingConfig training = TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.1)
                .withMomentum(0.9).withSchedule(Schedule.cosine()).withEpochs(epochs).withBatchSize(128);
        return new GemMinerConfig(training, density, Math.max(1, Math.min(5, (epochs - 1) / 2)), 1e-4);
    }

    /** @return P, the number of freezing steps */
    public int freezes() {
        return (training.epochs() - 1) / freezeEvery;
    }

    /** @return r = 1 − δ^(1/P), the fraction of active weights each freezing step removes */
    public double freezeRate() {
        return 1 - Math.pow(density, 1.0 / freezes());
    }

    /** @param value how the scores train @return a copy with it */
    public GemMinerConfig withTraining(TrainingConfig value) {
        return new GemMinerConfig(value, density, freezeEvery, lambda, randomTies);
    }

    /** @param value the freezing period T @return a copy with it */
    public GemMinerConfig withFreezeEvery(int value) {
        return new GemMinerConfig(training, density, value, lambda, randomTies);
    }

    /** @param value λ @return a copy with it */
    public GemMinerConfig withLambda(double value) {
        return new GemMinerConfig(training, density, freezeEvery, value, randomTies);
    }

    /** @param value whether ties are broken at random (else by position) @return a copy with it */
    public GemMinerConfig withRandomTies(boolean value) {
        return new GemMinerConfig(training, density, freezeEvery, lambda, value);
    }

    /**
     * @param draw which selection of the mining the ties are drawn for (0 for the inversion, p for the p-th freezing step)
     * @return the tie rule of that selection: each draws with its own seed
     */
    public Ties ties(int draw) {
        return randomTies ? Ties.random(training.seed() * 1_000 + draw) : Ties.BY_POSITION;
    }
}
