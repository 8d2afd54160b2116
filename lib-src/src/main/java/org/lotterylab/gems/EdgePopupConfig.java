package org.lotterylab.gems;

/**
 * The hyper-parameters of edge-popup (Ramanujan et al. 2020, "What's hidden in a randomly
 * weighted neural network?"): SGD on the scores at 0.1 with a cosine schedule, momentum 0.9,
 * weight decay 5e-4 on the scores.
 *
 * @param density the fraction of every layer's weights kept, in (0, 1)
 * @param epochs epochs of score training
 * @param learningRate the scores' base learning rate
 * @param momentum SGD momentum
 * @param weightDecay L2 decay of the scores
 * @param batchSize samples per minibatch
 * @param seed the seed of the scores and of the batch order
 */
public record EdgePopupConfig(double density, int epochs, double learningRate, double momentum, double weightDecay,
        int batchSize, long seed) {

    /** Validates the configuration, naming the bad value. */
    public EdgePopupConfig {
        if (!(density > 0 && density < 1)) {
            throw new IllegalArgumentException("density must lie in (0, 1), got " + density);
        }
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0 && momentum >= 0 && momentum < 1 && weightDecay >= 0
                && Double.isFinite(learningRate) && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException("need epochs ≥ 1, batchSize ≥ 1, finite learningRate > 0, momentum in [0, 1)"
                    + " and finite weightDecay ≥ 0; got " + epochs + ", " + batchSize + ", " + learningRate + ", " + momentum
                    + ", " + weightDecay);
        }
    }

    /**
     * @param density the fraction of every layer kept
     * @param epochs epochs of score training
     * @return the paper's settings with batch 128 and seed 0
     */
    public static EdgePopupConfig of(double density, int epochs) {
        return new EdgePopupConfig(density, epochs, 0.1, 0.9, 5e-4, 128, 0);
    }

    /** @param value the batch size @return a copy with it */
    public EdgePopupConfig withBatchSize(int value) {
        return new EdgePopupConfig(density, epochs, learningRate, momentum, weightDecay, value, seed);
    }

    /** @param value the seed @return a copy with it */
    public EdgePopupConfig withSeed(long value) {
        return new EdgePopupConfig(density, epochs, learningRate, momentum, weightDecay, batchSize, value);
    }
}
