package org.lotterylab.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics at one evaluation point of a training run: the training metrics averaged since the
 * previous evaluation and the test metrics now.
 *
 * @param iteration optimizer steps taken so far
 * @param epoch passes over the training set so far (fractional between epoch ends)
 * @param trainLoss mean training loss since the previous evaluation
 * @param trainAccuracy training accuracy since the previous evaluation, in [0, 1] (NaN when the objective reports none)
 * @param testLoss mean loss on the test set (NaN when training had no test set)
 * @param testAccuracy accuracy on the test set, in [0, 1] (NaN when training had no test set)
 */
public record Evaluation(int iteration, double epoch, double trainLoss, double trainAccuracy, double testLoss,
        double testAccuracy) {

    /** @return the metrics as a {@code metrics.csv} row, in component order */
    public Map<String, Object> toRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("iteration", iteration);
        row.put("epoch", epoch);
        row.put("train_loss", trainLoss);
        row.put("train_accuracy", trainAccuracy);
        row.put("test_loss", testLoss);
        row.put("test_accuracy", testAccuracy);
        return row;
    }
}
