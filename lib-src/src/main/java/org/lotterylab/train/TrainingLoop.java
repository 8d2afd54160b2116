package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.training.EasyTrain;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.listener.TrainingListener.BatchData;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.nn.ZeroGradient;
import org.lotterylab.train.StepTimes.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The iterations of one training run, the only training loop of the library. Each step:
 *
 * <ol>
 *   <li>every gradient is zeroed (PyTorch's backward pass adds into them, and an array a step does
 *       not update, such as a frozen weight or one side of an alternation, would keep its old one);</li>
 *   <li>the forward and backward pass of the {@link Objective} through DJL's {@link Trainer} (as
 *       {@link EasyTrain#trainBatch}, on the one device the net lives on), the listeners told of it;</li>
 *   <li>a check of the loss ({@link DivergenceGuard});</li>
 *   <li>the {@link StepUpdate}: its gradient transforms, then its optimizer;</li>
 *   <li>the {@link AfterStep} hooks (the mask is applied again first), then, in strict mode, a check
 *       of every array.</li>
 * </ol>
 *
 * Batches of {@code config.batchSize()} are drawn in an {@link EpochOrder}, not in the data set's
 * own order. DJL's {@code Trainer.step()} updates every parameter with one optimizer and has no hook
 * after the update, hence this loop.
 */
final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final Trainer trainer;
    private final StepLoss stepLoss;
    private final Objective objective;
    private final StepUpdate update;
    private final List<AfterStep> afterSteps;
    private final Map<String, NDArray> arrays;
    private final TrainingConfig config;
    private final int perEpoch;
    private final List<WeightSnapshot> snapshots;
    private final DivergenceGuard guard;
    private final StepTimes times;
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final BestOnValidation best;

    /**
     * @param arrays every array training may change or reads gradients of, by name: their gradients are zeroed
     *     before every pass
     */
    TrainingLoop(Trainer trainer, StepLoss stepLoss, Objective objective, StepUpdate update, List<AfterStep> afterSteps,
            Map<String, NDArray> arrays, TrainingConfig config, int perEpoch, List<WeightSnapshot> snapshots,
            DivergenceGuard guard, StepTimes times) {
        this.trainer = trainer;
        this.stepLoss = stepLoss;
        this.objective = objective;
        this.update = update;
        this.afterSteps = afterSteps;
        this.arrays = arrays;
        this.config = config;
        this.perEpoch = perEpoch;
        this.snapshots = snapshots;
        this.guard = guard;
        this.times = times;
        this.best = new BestOnValidation(arrays);
    }

    /**
     * @param validation the set the run selects on, when it has one: DJL's validation metrics measure it
     * @param test the test set: DJL's validation metrics measure it when there is no validation set
     */
    TrainingHistory run(RandomAccessDataset train, Optional<Dataset> validation, Optional<Dataset> test, int start, int total) {
        try (best) {
            int iteration = start;
            times.start();
            for (int epoch = start / perEpoch; iteration < total; epoch++) {
                // A run rewound to mid-epoch passes over the batches the original took before it.
                int skip = epoch == start / perEpoch ? start % perEpoch : 0;
                for (Batch batch : new EpochOrder(config.seed(), epoch).batches(train, trainer.getManager(), config.batchSize())) {
                    try (batch) {
                        if (skip > 0) {
                            skip--;
                            continue;
                        }
                        snapshot(iteration);
                        step(batch, iteration);
                    }
                    iteration++;
                    if (iteration == total || config.evaluateEvery() > 0 && iteration % config.evaluateEvery() == 0) {
                        evaluate(validation, test, iteration);
                    }
                    if (iteration == total) {
                        break;
                    }
                }
                if (config.evaluateEvery() == 0 && iteration < total) {
                    evaluate(validation, test, iteration);
                }
            }
            snapshot(iteration);
            if (validation.isPresent()) {
                test.ifPresent(this::testAtBestAndLast);
            }
            return new TrainingHistory(evaluations, validation.isPresent() ? HeldOutSet.VALIDATION : HeldOutSet.TEST);
        }
    }

    private void snapshot(int iteration) {
        snapshots.forEach(snapshot -> snapshot.reach(iteration));
    }

    private void step(Batch drawn, int iteration) {
        zeroGradients();
        times.mark(Phase.DATA);
        Batch batch = prepared(drawn);
        gradients(batch, iteration, true);
        times.mark(Phase.FREE);
        try {
            update.apply(iteration);
        } catch (NonFiniteGradientException e) {
            // A gradient can come out NaN while the loss is finite and the same step, recomputed, is
            // not (PyTorch 2.7.1 on the CPU, about one BERT training in ten here; README, "Numbers you
            // can trust"): recompute once, from the same weights and batch; a genuine divergence
            // repeats and stops the run. The recomputed step is the one an unaffected run takes (batch
            // norm's running statistics excepted: they see the batch twice).
            LOG.warn("{}: iteration {} gave a non-finite gradient with a finite loss; recomputing it once", guard.run(),
                    iteration);
            zeroGradients();
            gradients(batch, iteration, false);
            try {
                update.apply(iteration);
            } catch (NonFiniteGradientException again) {
                throw guard.gradientNotFinite(iteration);
            }
        }
        times.mark(Phase.UPDATE);
        TrainingStep done = new TrainingStep(iteration, perEpoch);
        afterSteps.forEach(hook -> hook.afterStep(done));
        times.mark(Phase.AFTER_STEP);
        guard.afterUpdate(iteration);
        times.mark(Phase.CHECKS);
        times.stepDone();
    }

    /** The batch the step trains on, kept past its scope for a recomputation (it lives on the drawn batch's manager). */
    private Batch prepared(Batch drawn) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Batch batch = objective.prepare(drawn);
            NDScope.unregister(batch.getData());
            NDScope.unregister(batch.getLabels());
            return batch;
        }
    }

    /**
     * The forward and backward pass of a batch: the gradients the update applies. A first pass tells
     * the listeners and the guard; a recomputation tells neither (a loss that is not finite there
     * gives gradients that are not, which the update refuses again).
     */
    private void gradients(Batch batch, int iteration, boolean first) {
        // The scope frees what the pass creates on long-lived managers (a scored net's gates); the
        // optimizer's state is created in the update, outside it.
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDList labels = batch.getLabels();
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(batch.getData(), labels);
                NDArray loss = stepLoss.ofStep(labels, predictions);
                times.mark(Phase.FORWARD);
                collector.backward(loss);
                times.mark(Phase.BACKWARD);
                if (first) {
                    BatchData data = new BatchData(batch, Map.of(loss.getDevice(), labels), Map.of(loss.getDevice(), predictions));
                    trainer.notifyListeners(listener -> listener.onTrainingBatch(trainer, data));
                    // Reading the loss synchronises with the device once per step: the price of stopping at the bad step.
                    guard.afterBackward(iteration, loss.getFloat());
                }
                times.mark(Phase.METRICS);
            } finally {
                stepLoss.forget();
            }
        }
    }

    private void zeroGradients() {
        for (NDArray array : arrays.values()) {
            if (array.hasGradient()) {
                ZeroGradient.of(array);
            }
        }
    }

    private void evaluate(Optional<Dataset> validation, Optional<Dataset> test, int iteration) {
        // DJL's own validation metrics (and its listeners) measure the set the run selects on.
        Optional<Dataset> selecting = validation.or(() -> test);
        if (selecting.isPresent()) {
            try {
                EasyTrain.evaluateDataset(trainer, selecting.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the held-out set", e);
            } catch (TranslateException e) {
                throw new IllegalStateException("cannot batch the held-out set: " + e.getMessage(), e);
            }
        }
        // DJL's evaluator listener closes a measurement period at each "epoch" notification.
        trainer.notifyListeners(listener -> listener.onEpoch(trainer));
        TrainingResult result = trainer.getTrainingResult();
        times.mark(Phase.EVALUATION);
        double selectingLoss = selecting.isPresent() ? result.getValidateLoss() : Double.NaN;
        double selectingAccuracy = selecting.isPresent() ? orNaN(result.getValidateEvaluation("Accuracy")) : Double.NaN;
        if (selecting.isPresent()) {
            guard.afterEvaluation(iteration, result.getValidateLoss());
        }
        double trainLoss = orNaN(result.getTrainLoss());
        double trainAccuracy = orNaN(result.getTrainEvaluation("Accuracy"));
        double epoch = (double) iteration / perEpoch;
        if (validation.isPresent()) {
            // The test set waits for the end of training: it is measured where it is reported only (testAtBestAndLast).
            best.offer(evaluations.size(), selectingAccuracy);
            evaluations.add(new Evaluation(iteration, epoch, trainLoss, trainAccuracy, Double.NaN, Double.NaN, selectingLoss,
                    selectingAccuracy));
        } else {
            evaluations.add(new Evaluation(iteration, epoch, trainLoss, trainAccuracy, selectingLoss, selectingAccuracy));
        }
    }

    /**
     * Measures the test set at the last evaluation and, with the arrays it had restored for the
     * pass, at the best validation evaluation: the two the history reports.
     */
    private void testAtBestAndLast(Dataset test) {
        int last = evaluations.size() - 1;
        evaluations.set(last, withTest(evaluations.get(last), HeldOutPass.over(trainer, objective, test)));
        int bestIndex = best.index();
        if (bestIndex >= 0 && bestIndex != last) {
            HeldOutPass.Measured atBest = best.measuredAtBest(() -> HeldOutPass.over(trainer, objective, test));
            evaluations.set(bestIndex, withTest(evaluations.get(bestIndex), atBest));
        }
    }

    private static Evaluation withTest(Evaluation e, HeldOutPass.Measured test) {
        return new Evaluation(e.iteration(), e.epoch(), e.trainLoss(), e.trainAccuracy(), test.loss(), test.accuracy(),
                e.validationLoss(), e.validationAccuracy());
    }

    /** A metric the objective does not report (accuracy of a language model) is NaN. */
    private static double orNaN(Float value) {
        return value == null ? Double.NaN : value;
    }
}
