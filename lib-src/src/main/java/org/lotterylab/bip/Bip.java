package org.lotterylab.bip;

import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import org.lotterylab.cost.CostMeter;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.scores.FilterTopK;
import org.lotterylab.scores.GlobalTopK;
import org.lotterylab.scores.MaskRule;
import org.lotterylab.scores.ScoreInit;
import org.lotterylab.scores.ScoredNet;
import org.lotterylab.train.Schedule;
import org.lotterylab.train.Training;
import org.lotterylab.train.TrainingHistory;
import org.lotterylab.train.Updates;

/**
 * BiP, bi-level pruning (Zhang et al. 2022): the mask is the upper level, the weights the lower
 * level, and the two are optimised by alternating single steps on successive minibatches.
 *
 * <ul>
 *   <li>scores start as a copy of the pre-trained weights, so the first mask is the one-shot
 *       magnitude mask; the mask is always the top-k of |scores| (globally, or whole filters per
 *       convolution), so it keeps exactly k weights after every step;</li>
 *   <li>θ-step (even batches): one step of the weights with the mask fixed, by the configured
 *       optimizer and schedule;</li>
 *   <li>mask step (odd batches): one step of the scores, at a constant rate, with the
 *       straight-through gradient plus the implicit-gradient term ({@link ImplicitGradient},
 *       switchable, and measured either way), then the top-k projection at the next forward pass.</li>
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
        return prune(Training.with(config.training()), net, train, config);
    }

    /**
     * Prunes a pre-trained net straight to the target density, measuring the masked net on a
     * validation set every {@code config.training().evaluateEvery()} steps (and at the end), e.g. to
     * find when it reaches a given accuracy.
     *
     * @param net the pre-trained net; its weights are trained in place and end with the mask applied
     * @param train the training set
     * @param config the hyper-parameters
     * @param validation held-out training data
     * @return the mask, the cost and the validation accuracies along the way
     */
    public static BipResult prune(Net net, RandomAccessDataset train, BipConfig config, Dataset validation) {
        return prune(Training.with(config.training()).selectingOn(validation), net, train, config);
    }

    private static BipResult prune(Training loop, Net net, RandomAccessDataset train, BipConfig config) {
        MaskRule rule = config.structured() ? new FilterTopK(config.density()) : new GlobalTopK(config.density());
        ScoredNet scored = ScoredNet.of(net, rule, ScoreInit.WEIGHTS, config.training().seed());
        Updates maskStep = scored.scoreUpdates().configured(training -> training
                .withOptimizer(training.optimizer(), config.scoreLearningRate())
                .withSchedule(Schedule.constant()).withWeightDecay(0));
        Mask oneShot = scored.mask();
        ImplicitGradient implicit = new ImplicitGradient(scored, config.gamma(), config.implicitGradient());
        CostMeter meter = new CostMeter();
        TrainingHistory history = loop
                .labelled(String.format("BiP %.2f%%%s", 100 * config.density(), config.structured() ? " filters" : ""))
                .minimising(scored.objective())
                .updating(Updates.alternating(Updates.parameters(), maskStep.transformingGradients(implicit)))
                .listeners(meter)
                .fit(net, train);
        Mask mask = scored.mask();
        mask.applyTo(net);
        double moved;
        try (oneShot; Mask shared = mask.and(oneShot)) {
            moved = 1 - (double) shared.remaining() / mask.remaining();
        }
        return new BipResult(mask, meter.total(), implicit.sizes(), moved, history.evaluations());
    }
}
