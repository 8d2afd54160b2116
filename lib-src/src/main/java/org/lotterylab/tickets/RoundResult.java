package org.lotterylab.tickets;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.train.TrainingHistory;

/**
 * What one IMP round measured.
 *
 * @param round 0 for the dense net, then 1, 2, …
 * @param density the fraction of prunable weights the round trained with, in (0, 1]
 * @param finalAccuracy test accuracy at the end of training
 * @param bestAccuracy best test accuracy during training
 * @param bestIteration the iteration of the best test accuracy (the early-stopping iteration)
 * @param finalValidationAccuracy validation accuracy at the end of training; null when the round had no validation
 *     set (so that the stored JSON of such rounds, which cannot hold NaN, stays as it was)
 */
public record RoundResult(int round, double density, double finalAccuracy, double bestAccuracy, int bestIteration,
        Double finalValidationAccuracy) {

    /**
     * A round measured without a validation set.
     *
     * @param round the round's number
     * @param density the density it trained with
     * @param finalAccuracy test accuracy at the end
     * @param bestAccuracy best test accuracy
     * @param bestIteration its iteration
     */
    public RoundResult(int round, double density, double finalAccuracy, double bestAccuracy, int bestIteration) {
        this(round, density, finalAccuracy, bestAccuracy, bestIteration, null);
    }

    /**
     * @param round the round's number
     * @param density the density it trained with
     * @param history what its training measured
     * @return the round's result
     */
    public static RoundResult of(int round, double density, TrainingHistory history) {
        return new RoundResult(round, density, history.finalAccuracy(), history.bestAccuracy(), history.bestIteration(),
                history.last().validated() ? history.last().validationAccuracy() : null);
    }

    /** @return the result as a row of named values, in component order */
    Map<String, Object> toRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("round", round);
        row.put("density", density);
        row.put("final_accuracy", finalAccuracy);
        row.put("best_accuracy", bestAccuracy);
        row.put("best_iteration", bestIteration);
        return row;
    }
}
