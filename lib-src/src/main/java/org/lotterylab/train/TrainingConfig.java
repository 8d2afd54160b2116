package org.lotterylab.train;

import java.util.Objects;

/**
 * The hyper-parameters of one training run, a plain record so that it can be hashed by the
 * experiment store. Start from {@link #defaults()} and change what differs:
 *
 * <pre>{@code
 * var config = TrainingConfig.defaults()
 *         .withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.1).withWeightDecay(1e-4)
 *         .withSchedule(Schedule.step(0.1, 80, 120).withWarmup(1)).withEpochs(160).withBatchSize(128);
 * }</pre>
 *
 * @param optimizer which optimizer
 * @param learningRate the base learning rate, scaled by the schedule
 * @param momentum the momentum of SGD_MOMENTUM and NESTEROV (ignored by the others)
 * @param weightDecay decay of weights only: biases and normalisation parameters are never decayed
 * @param schedule the learning-rate schedule
 * @param epochs passes over the training set
 * @param batchSize the number of training samples per optimizer step
 * @param seed the seed of the order of training samples and of the engine's generator (dropout) during training
 * @param evaluateEvery evaluate on the test set every this many iterations; 0 = at the end of every epoch
 */
public record TrainingConfig(
        OptimizerKind optimizer,
        double learningRate,
        double momentum,
        double weightDecay,
        Schedule schedule,
        int epochs,
        int batchSize,
        long seed,
        int evaluateEvery) {

    /** Validates the configuration, naming the bad value. */
    public TrainingConfig {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        require(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be finite and > 0, got " + learningRate);
        require(momentum >= 0 && momentum < 1, "momentum must lie in [0, 1), got " + momentum);
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay must be finite and ≥ 0, got " + weightDecay);
        require(epochs >= 1, "epochs must be ≥ 1, got " + epochs);
        require(batchSize >= 1, "batchSize must be ≥ 1, got " + batchSize);
        require(evaluateEvery >= 0, "evaluateEvery must be ≥ 0 (0 = every epoch), got " + evaluateEvery);
        require(schedule.warmupEpochs() < epochs, "the warm-up (" + schedule.warmupEpochs()
                + " epochs) must be shorter than training (" + epochs + " epochs)");
    }

    /**
     * SGD with momentum 0.9, learning rate 0.05, no weight decay, constant schedule, 10 epochs of
     * batches of 64, seed 0, evaluation every epoch.
     *
     * @return the default configuration
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(OptimizerKind.SGD_MOMENTUM, 0.05, 0.9, 0, Schedule.constant(), 10, 64, 0, 0);
    }

    /**
     * @param kind the optimizer
     * @param rate its base learning rate
     * @return a copy with this optimizer and learning rate
     */
    public TrainingConfig withOptimizer(OptimizerKind kind, double rate) {
        return new TrainingConfig(kind, rate, momentum, weightDecay, schedule, epochs, batchSize, seed, evaluateEvery);
    }

    /** @param value the momentum @return a copy with it */
    public TrainingConfig withMomentum(double value) {
        return new TrainingConfig(optimizer, learningRate, value, weightDecay, schedule, epochs, batchSize, seed, evaluateEvery);
    }

    /** @param value the weight decay of weights (not biases nor normalisation) @return a copy with it */
    public TrainingConfig withWeightDecay(double value) {
        return new TrainingConfig(optimizer, learningRate, momentum, value, schedule, epochs, batchSize, seed, evaluateEvery);
    }

    /** @param value the learning-rate schedule @return a copy with it */
    public TrainingConfig withSchedule(Schedule value) {
        return new TrainingConfig(optimizer, learningRate, momentum, weightDecay, value, epochs, batchSize, seed, evaluateEvery);
    }

    /** @param value the number of epochs @return a copy with it */
    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(optimizer, learningRate, momentum, weightDecay, schedule, value, batchSize, seed, evaluateEvery);
    }

    /** @param value the batch size @return a copy with it */
    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(optimizer, learningRate, momentum, weightDecay, schedule, epochs, value, seed, evaluateEvery);
    }

    /** @param value the training seed @return a copy with it */
    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(optimizer, learningRate, momentum, weightDecay, schedule, epochs, batchSize, value, evaluateEvery);
    }

    /** @param iterations evaluate every this many iterations (0 = every epoch) @return a copy with it */
    public TrainingConfig withEvaluateEvery(int iterations) {
        return new TrainingConfig(optimizer, learningRate, momentum, weightDecay, schedule, epochs, batchSize, seed, iterations);
    }

    /**
     * The number of steps in one epoch: the last batch holds what is left, so every sample is seen once.
     *
     * @param trainingSamples the size of the training set
     * @return batches per epoch, ⌈samples / batchSize⌉
     */
    public int batchesPerEpoch(long trainingSamples) {
        if (trainingSamples < 1) {
            throw new IllegalArgumentException("the training set is empty: there is nothing to train on");
        }
        return Math.toIntExact((trainingSamples + batchSize - 1) / batchSize);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
