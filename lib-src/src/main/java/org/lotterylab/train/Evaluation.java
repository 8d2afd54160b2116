package org.lotterylab.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics at one evaluation point of a training run: the training metrics averaged since the
 * previous evaluation, and the held-out metrics now: the validation set's when the run selects on
 * one ({@link Training#selectingOn}), and the test set's.
 *
 * @param iteration optimizer steps taken so far
 * @param epoch passes over the training set so far (fractional between epoch ends)
 * @param trainLoss mean training loss since the previous evaluation
 * @param trainAccuracy training accuracy since the previous evaluation, in [0, 1] (NaN when the objective reports none)
 * @param testLoss mean loss on the test set (NaN when training had no test set, and, in a run that
 *     selects on a validation set, except at its best and its last evaluation)
 * @param testAccuracy accuracy on the test set, in [0, 1] (NaN where the test loss is)
 * @param validationLoss mean loss on the validation set (NaN when training had none)
 * @param validationAccuracy accuracy on the validation set, in [0, 1] (NaN when training had none)
 */
public record Evaluation(int iteration, double epoch, double trainLoss, double trainAccuracy, double testLoss,
        double testAccuracy, double validationLoss, double validationAccuracy) {

    /**
     * An evaluation of a run without a validation set.
     *
     * @param iteration optimizer steps taken so far
     * @param epoch passes over the training set so far
     * @param trainLoss mean training loss since the previous evaluation
     * @param trainAccuracy training accuracy since the previous evaluation
     * @param testLoss mean loss on the test set
     * @param testAccuracy accuracy on the test set
     */
    public Evaluation(int iteration, double epoch, double trainLoss, double trainAccuracy, double testLoss,
            double testAccuracy) {
        this(iteration, epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, Double.NaN, Double.NaN);
    }

    /** @return whether a validation set was measured here */
    public boolean validated() {
        return !Double.isNaN(validationAccuracy) || !Double.isNaN(validationLoss);
    }

    /**
     * @return the metrics as a {@code metrics.csv} row, in component order; the validation columns
     *     only when a validation set was measured, so that the rows of runs without one keep the
     *     columns their {@code metrics.csv} already has
     */
    public Map<String, Object> toRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("iteration", iteration);
        row.put("epoch", epoch);
        row.put("train_loss", trainLoss);
        row.put("train_accuracy", trainAccuracy);
        row.put("test_loss", testLoss);
        row.put("test_accuracy", testAccuracy);
        if (validated()) {
            row.put("validation_loss", validationLoss);
            row.put("validation_accuracy", validationAccuracy);
        }
        return row;
    }

    /** @return this evaluation with the validation metrics unmeasured (NaN) */
    Evaluation withoutValidation() {
        return new Evaluation(iteration, epoch, trainLoss, trainAccuracy, testLoss, testAccuracy);
    }
}
