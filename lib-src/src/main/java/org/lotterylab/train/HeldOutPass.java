package org.lotterylab.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One pass over a held-out set through the trainer's block in inference mode, measuring its loss
 * and accuracy without touching the trainer's own metrics: those report the validation set, which
 * the run selects on, and the test set must not mix into them.
 */
final class HeldOutPass {

    private static final String ALL = "all";

    /**
     * @param loss the mean loss per sample
     * @param accuracy the fraction classified correctly (NaN when the objective reports no accuracy)
     */
    record Measured(double loss, double accuracy) {}

    private HeldOutPass() {}

    static Measured over(Trainer trainer, Objective objective, Dataset data) {
        boolean classifies = objective.evaluators().stream().anyMatch(Accuracy.class::isInstance);
        Accuracy accuracy = new Accuracy();
        accuracy.addAccumulator(ALL);
        double lossSum = 0;
        long samples = 0;
        try (NDManager scratch = trainer.getManager().newSubManager()) {
            for (Batch batch : data.getData(scratch)) {
                try (batch) {
                    NDList predictions = trainer.evaluate(batch.getData());
                    NDList labels = batch.getLabels();
                    // The loss is a batch mean: weigh it by the batch's size so a smaller last batch counts less.
                    lossSum += trainer.getLoss().evaluate(labels, predictions).getFloat() * batch.getSize();
                    samples += batch.getSize();
                    if (classifies) {
                        accuracy.updateAccumulator(ALL, labels, predictions);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the held-out set", e);
        } catch (TranslateException e) {
            throw new IllegalStateException("cannot batch the held-out set: " + e.getMessage(), e);
        }
        return new Measured(lossSum / samples, classifies ? accuracy.getAccumulator(ALL) : Double.NaN);
    }
}
