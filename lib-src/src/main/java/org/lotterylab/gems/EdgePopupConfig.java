package org.lotterylab.gems;

import java.util.Objects;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.Schedule;
import org.lotterylab.train.TrainingConfig;

/**
 * The hyper-parameters of edge-popup (Ramanujan et al. 2020, "What's hidden in a randomly
 * weighted neural network?"): the paper trains the scores with SGD at 0.1 on a cosine schedule,
 * momentum 0.9, weight decay 5e-4 on the scores.
 *
 * <pre>{@code
 * var config = EdgePopupConfig.of(0.05, 20);
 * var smaller = config.withTraining(config.training().withBatchSize(64));
 * }</pre>
 *
 * @param training how the scores train: optimizer, learning rate and schedule, momentum, weight
 *     decay (of the scores), epochs, batch size, and the seed of the scores and of the batch order
 * @param density the fraction of every layer's weights kept, in (0, 1)
 */
public record EdgePopupConfig(TrainingConfig training, double density) {

    /** Validates the configuration, naming the bad value. */
    public EdgePopupConfig {
        Objects.requireNonNull(training, "training");
        if (!(density > 0 && density < 1)) {
            throw new IllegalArgumentException("density must lie in (0, 1), got " + density);
        }
    }

    /**
     * @param density the fraction of every layer kept
     * @param epochs epochs of score training
     * @return the paper's settings with batch 128 and seed 0
     */
    public static EdgePopupConfig of(double density, int epochs) {
        return new EdgePopupConfig(TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.1)
                .withMomentum(0.9).withWeightDecay(5e-4).withSchedule(Schedule.cosine()).withEpochs(epochs)
                .withBatchSize(128), density);
    }

    /** @param value how the scores train @return a copy with it */
    public EdgePopupConfig withTraining(TrainingConfig value) {
        return new EdgePopupConfig(value, density);
    }
}
