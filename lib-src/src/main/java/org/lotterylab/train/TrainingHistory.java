package org.lotterylab.train;

import java.util.Comparator;
import java.util.List;

/**
 * What a training run measured: one {@link Evaluation} per evaluation point, in order, and which
 * held-out set picks the best of them.
 *
 * <p>The best evaluation is chosen on the validation set when the run had one ({@link
 * Training#selectingOn}); its reported accuracy is the test accuracy there, measured once training
 * was over, so the test set decides nothing. A run without a validation set chooses on the test
 * set, as older notebooks do.
 *
 * @param evaluations the evaluations, at least one
 * @param selectedOn the set the best evaluation is chosen on; null in histories stored before
 *     validation sets existed, read as {@link HeldOutSet#TEST}
 */
public record TrainingHistory(List<Evaluation> evaluations, HeldOutSet selectedOn) {

    /** Copies the list, checks that there is something to summarise, and reads older stored histories. */
    public TrainingHistory {
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("a training history needs at least one evaluation");
        }
        if (selectedOn == null) {
            // Stored before validation sets: Gson filled the missing validation metrics with 0, not NaN.
            selectedOn = HeldOutSet.TEST;
            evaluations = evaluations.stream().map(Evaluation::withoutValidation).toList();
        }
        if (selectedOn == HeldOutSet.VALIDATION && !evaluations.stream().allMatch(Evaluation::validated)) {
            throw new IllegalArgumentException("a history selected on the validation set needs it measured at every evaluation");
        }
        evaluations = List.copyOf(evaluations);
    }

    /**
     * A history that selects on the validation set when every evaluation measured one, else on the test set.
     *
     * @param evaluations the evaluations, at least one
     */
    public TrainingHistory(List<Evaluation> evaluations) {
        this(evaluations, evaluations.stream().allMatch(Evaluation::validated) ? HeldOutSet.VALIDATION : HeldOutSet.TEST);
    }

    /** @return the evaluation of highest accuracy on {@link #selectedOn()} (the earliest among equals) */
    public Evaluation best() {
        Comparator<Evaluation> accuracy = Comparator.comparingDouble(
                selectedOn == HeldOutSet.VALIDATION ? Evaluation::validationAccuracy : Evaluation::testAccuracy);
        // max() keeps the last of equal elements, so compare (accuracy, -iteration).
        return evaluations.stream()
                .max(accuracy.thenComparing(Comparator.comparingInt(Evaluation::iteration).reversed()))
                .orElseThrow();
    }

    /** @return the iteration of the best evaluation: the lottery-ticket "early-stopping iteration" */
    public int bestIteration() {
        return best().iteration();
    }

    /** @return the test accuracy at the best evaluation, in [0, 1] */
    public double bestAccuracy() {
        return best().testAccuracy();
    }

    /**
     * @return whether the best evaluation is the last one: the run was still improving when it
     *     stopped, so its early-stopping iteration is only a lower bound
     */
    public boolean bestIsLast() {
        return best().iteration() == last().iteration();
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
