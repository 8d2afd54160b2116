package org.lotterylab.cost;

import java.util.List;
import org.lotterylab.train.Evaluation;

/**
 * What a run cost to reach an accuracy: the passes spent before it (a search, a pre-training) plus
 * its steps up to the first evaluation whose validation accuracy reaches the target. A run that
 * never reaches it counts all its steps, a lower bound on what reaching it would cost.
 *
 * <pre>{@code
 * Reaching r = Reaching.of(mined.cost().passes(), history.evaluations(), impValidation - 0.01);
 * }</pre>
 *
 * @param passes the passes spent up to the target (all of them when it was not reached)
 * @param reached whether a validation evaluation reached the target
 */
public record Reaching(long passes, boolean reached) {

    /**
     * @param before passes spent before the run
     * @param curve the run's evaluations in order, with validation accuracies (the last at the end of the run)
     * @param target the validation accuracy to reach, in [0, 1]
     * @return the passes to the first evaluation at or above the target
     * @throws IllegalArgumentException for an empty curve
     */
    public static Reaching of(long before, List<Evaluation> curve, double target) {
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("a run without evaluations says nothing about when it reached an accuracy");
        }
        return curve.stream().filter(e -> e.validationAccuracy() >= target).findFirst()
                .map(e -> new Reaching(before + e.iteration(), true))
                .orElseGet(() -> new Reaching(before + curve.get(curve.size() - 1).iteration(), false));
    }
}
