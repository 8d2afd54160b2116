package org.lotterylab.train;

import java.util.Comparator;
import java.util.List;

/**
 * What a training run measured: one {@link Evaluation} per evaluation point, in order.
 *
 * @param evaluations the evaluations, at least one
 */
public record TrainingHistory(List<Evaluation> evaluations) {

    /** Copies the list and checks that there is something to summarise. */
    public TrainingHistory {
        evaluations = List.copyOf(evaluations);
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("a training history needs at least one evaluation");
        }
    }

    /** @return the evaluation with the highest test accuracy (the earliest among equals) */
    public Evaluation best() {
        // max() keeps the last of equal elements, so compare (accuracy, -iteration).
        return evaluations.stream()
                .max(Comparator.comparingDouble(Evaluation::testAccuracy)
                        .thenComparing(Comparator.comparingInt(Evaluation::iteration).reversed()))
                .orElseThrow();
    }

    /** @return the iteration of best test accuracy: the lottery-ticket "early-stopping iteration" */
    public int bestIteration() {
        return best().iteration();
    }

    /** @return the best test accuracy, in [0, 1] */
    public double bestAccuracy() {
        return best().testAccuracy();
    }

    /** @return the last evaluation, at the end of training */
    public Evaluation last() {
        return evaluations.get(evaluations.size() - 1);
    }

    /** @return the test accuracy at the end of training, in [0, 1] */
    public double finalAccuracy() {
        return last().testAccuracy();
    }
}
