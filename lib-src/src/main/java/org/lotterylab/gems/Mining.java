package org.lotterylab.gems;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.dataset.RandomAccessDataset;
import java.util.function.IntConsumer;
import org.lotterylab.cost.CostMeter;
import org.lotterylab.scores.ScoreLoop;
import org.lotterylab.scores.ScoredNet;
import org.lotterylab.train.Schedule;

/**
 * The loop GEM-MINER and edge-popup share: epochs of minibatches, each a gated forward+backward
 * pass and an SGD step of the scores alone (the weights stay frozen), with cosine-decayed
 * learning rate; a hook before every batch and one after every epoch.
 */
final class Mining {

    private Mining() {}

    /**
     * @param label what the progress lines call the run
     * @param scored the scored net
     * @param train the training set
     * @param epochs the number of epochs
     * @param batchSize samples per batch
     * @param seed the batch order's seed
     * @param learningRate the base rate
     * @param momentum SGD momentum
     * @param decay L2 decay of the scores (2λ for a regulariser λ·Σ s²)
     * @param beforeBatch called before every batch
     * @param afterEpoch called with the number of epochs done after each epoch
     * @param meter counts the passes and time
     */
    static void run(String label, ScoredNet scored, RandomAccessDataset train, int epochs, int batchSize, long seed,
            double learningRate, double momentum, double decay, Runnable beforeBatch, IntConsumer afterEpoch,
            CostMeter meter) {
        int perEpoch = Math.toIntExact((train.size() + batchSize - 1) / batchSize);
        Optimizer sgd = Optimizer.sgd()
                .setLearningRateTracker(Schedule.cosine().tracker((float) learningRate, perEpoch, epochs * perEpoch))
                .optMomentum((float) momentum)
                .optWeightDecays((float) decay)
                .build();
        meter.start();
        for (int epoch = 0; epoch < epochs; epoch++) {
            double[] loss = {0};
            ScoreLoop.epoch(train, scored.net(), batchSize, seed, epoch, batch -> {
                beforeBatch.run();
                loss[0] += ScoreLoop.backward(scored, batch);
                meter.pass();
                ScoreLoop.step(sgd, "scores:", scored.scores());
            });
            afterEpoch.accept(epoch + 1);
            try (var mask = scored.mask()) {
                System.out.printf("%s epoch %d/%d loss %.4f mask density %.2f%%%n",
                        label, epoch + 1, epochs, loss[0] / perEpoch, 100 * mask.density());
            }
        }
        meter.stop();
    }
}
