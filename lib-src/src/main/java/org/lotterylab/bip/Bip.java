package org.lotterylab.bip;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.cost.CostMeter;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.scores.FilterTopK;
import org.lotterylab.scores.GlobalTopK;
import org.lotterylab.scores.MaskRule;
import org.lotterylab.scores.ScoreInit;
import org.lotterylab.scores.ScoreLoop;
import org.lotterylab.scores.ScoredNet;
import org.lotterylab.train.Schedule;

/**
 * BiP, bi-level pruning (Zhang et al. 2022): the mask is the upper level, the weights the lower
 * level, and the two are optimised by alternating single steps on successive minibatches.
 *
 * <ul>
 *   <li>scores start as a copy of the pre-trained weights, so the first mask is the one-shot
 *       magnitude mask; the mask is always the top-k of |scores| (globally, or whole filters per
 *       convolution), so it keeps exactly k weights after every step;</li>
 *   <li>θ-step (even batches): one SGD step of the weights with the mask fixed;</li>
 *   <li>mask step (odd batches): one SGD step of the scores with the straight-through gradient
 *       plus the implicit-gradient term ({@link ImplicitGradient}, switchable), then the top-k
 *       projection at the next forward pass.</li>
 * </ul>
 *
 * <pre>{@code
 * BipResult bip = Bip.prune(pretrained, train, BipConfig.of(0.05, 3));
 * Evaluate.accuracy(pretrained, test);   // the net now holds θ ⊙ m
 * }</pre>
 */
public final class Bip {

    private Bip() {}

    /**
     * Prunes a pre-trained net straight to the target density.
     *
     * @param net the pre-trained net; its weights are trained in place and end with the mask applied
     * @param train the training set
     * @param config the hyper-parameters
     * @return the mask and the cost
     */
    public static BipResult prune(Net net, RandomAccessDataset train, BipConfig config) {
        MaskRule rule = config.structured() ? new FilterTopK(config.density()) : new GlobalTopK(config.density());
        ScoredNet scored = ScoredNet.of(net, rule, ScoreInit.WEIGHTS, config.seed());
        int perEpoch = Math.toIntExact((train.size() + config.batchSize() - 1) / config.batchSize());
        int thetaSteps = (config.epochs() * perEpoch + 1) / 2;
        Tracker rate = Schedule.cosine().tracker((float) config.weightLearningRate(), thetaSteps, thetaSteps);
        Optimizer decayed = sgd(rate, config.momentum(), config.weightDecay());
        Optimizer plain = sgd(rate, config.momentum(), 0);
        Optimizer scores = sgd(Tracker.fixed((float) config.scoreLearningRate()), config.momentum(), 0);
        Map<String, NDArray> weights = trainable(net, true);
        Map<String, NDArray> others = trainable(net, false);
        CostMeter meter = new CostMeter();
        int[] step = {0};
        meter.start();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            double[] loss = {0};
            ScoreLoop.epoch(train, scored.net(), config.batchSize(), config.seed(), epoch, batch -> {
                loss[0] += ScoreLoop.backward(scored, batch);
                meter.pass();
                if (step[0]++ % 2 == 0) {
                    ScoreLoop.step(decayed, "weight:", weights);
                    ScoreLoop.step(plain, "other:", others);
                } else {
                    if (config.implicitGradient()) {
                        ImplicitGradient.add(scored, config.gamma());
                    }
                    ScoreLoop.step(scores, "scores:", scored.scores());
                }
            });
            System.out.printf("BiP %.2f%%%s epoch %d/%d loss %.4f%n", 100 * config.density(),
                    config.structured() ? " filters" : "", epoch + 1, config.epochs(), loss[0] / perEpoch);
        }
        meter.stop();
        Mask mask = scored.mask();
        mask.applyTo(net);
        return new BipResult(mask, meter.total());
    }

    /** The arrays the θ-step updates: weights (decayed) or everything else that learns (not decayed). */
    private static Map<String, NDArray> trainable(Net net, boolean weights) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        net.parameters().forEach((name, p) -> {
            if (p.requiresGradient() && (p.getType() == Parameter.Type.WEIGHT) == weights) {
                arrays.put(name, p.getArray());
            }
        });
        return arrays;
    }

    private static Optimizer sgd(Tracker rate, double momentum, double decay) {
        return Optimizer.sgd().setLearningRateTracker(rate).optMomentum((float) momentum)
                .optWeightDecays((float) decay).build();
    }
}
