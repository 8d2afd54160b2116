package org.lotterylab.gems;

/**
 * The hyper-parameters of GEM-MINER's mining phase (Sreenivasan et al. 2022). The paper's
 * ResNet-20 on CIFAR-10: 150 epochs, freezing every 5, λ = 1e-4, SGD at 0.1 with a cosine
 * schedule.
 *
 * @param density the target density δ of the final mask, in (0, 1)
 * @param epochs mining epochs E
 * @param freezeEvery T: a global freezing step follows every T-th epoch, P = ⌊(E − 1)/T⌋ in all
 * @param lambda λ of the regulariser λ·Σ s²
 * @param learningRate the scores' base learning rate, decayed by a cosine schedule
 * @param momentum SGD momentum of the scores
 * @param batchSize samples per minibatch
 * @param seed the seed of the scores and of the batch order
 */
public record GemMinerConfig(double density, int epochs, int freezeEvery, double lambda, double learningRate,
        double momentum, int batchSize, long seed) {

    /** Validates the configuration, naming the bad value. */
    public GemMinerConfig {
        if (!(density > 0 && density < 1)) {
            throw new IllegalArgumentException("density must lie in (0, 1), got " + density);
        }
        if (freezeEvery < 1 || epochs <= freezeEvery) {
            throw new IllegalArgumentException("GEM-MINER needs epochs > freezeEvery ≥ 1 so that it freezes at least once,"
                    + " got epochs " + epochs + " and freezeEvery " + freezeEvery);
        }
        if (!(lambda >= 0 && learningRate > 0 && Double.isFinite(lambda) && Double.isFinite(learningRate)
                && momentum >= 0 && momentum < 1) || batchSize < 1) {
            throw new IllegalArgumentException("need finite lambda ≥ 0 and learningRate > 0, momentum in [0, 1)"
                    + " and batchSize ≥ 1; got "
                    + lambda + ", " + learningRate + ", " + momentum + ", " + batchSize);
        }
    }

    /**
     * @param density the target density
     * @param epochs mining epochs
     * @return the paper's settings (T = 5 scaled to the epochs, λ 1e-4, lr 0.1, momentum 0.9, batch 128, seed 0)
     */
    public static GemMinerConfig of(double density, int epochs) {
        return new GemMinerConfig(density, epochs, Math.max(1, Math.min(5, (epochs - 1) / 2)), 1e-4, 0.1, 0.9, 128, 0);
    }

    /** @return P, the number of freezing steps */
    public int freezes() {
        return (epochs - 1) / freezeEvery;
    }

    /** @return r = 1 − δ^(1/P), the fraction of active weights each freezing step removes */
    public double freezeRate() {
        return 1 - Math.pow(density, 1.0 / freezes());
    }

    /** @param value the freezing period T @return a copy with it */
    public GemMinerConfig withFreezeEvery(int value) {
        return new GemMinerConfig(density, epochs, value, lambda, learningRate, momentum, batchSize, seed);
    }

    /** @param value λ @return a copy with it */
    public GemMinerConfig withLambda(double value) {
        return new GemMinerConfig(density, epochs, freezeEvery, value, learningRate, momentum, batchSize, seed);
    }

    /** @param value the scores' learning rate @return a copy with it */
    public GemMinerConfig withLearningRate(double value) {
        return new GemMinerConfig(density, epochs, freezeEvery, lambda, value, momentum, batchSize, seed);
    }

    /** @param value the batch size @return a copy with it */
    public GemMinerConfig withBatchSize(int value) {
        return new GemMinerConfig(density, epochs, freezeEvery, lambda, learningRate, momentum, value, seed);
    }

    /** @param value the seed @return a copy with it */
    public GemMinerConfig withSeed(long value) {
        return new GemMinerConfig(density, epochs, freezeEvery, lambda, learningRate, momentum, batchSize, value);
    }
}
