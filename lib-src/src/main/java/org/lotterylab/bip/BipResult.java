package org.lotterylab.bip;

import java.util.List;
import org.lotterylab.cost.Cost;
import org.lotterylab.prune.Mask;
import org.lotterylab.train.Evaluation;

/**
 * What BiP produced: the final mask (the net's weights are θ with it applied), the cost, the
 * sizes of the implicit-gradient term and of the straight-through gradient, and how far the mask
 * moved from the one-shot magnitude mask it started as.
 *
 * @param mask the mask, an ordinary mask of the pruned net
 * @param cost BiP's own passes and seconds (the pre-training is not included)
 * @param termSizes the mean norms of the two parts of the mask step's gradient (measured also when the term is off)
 * @param movedFromOneShot the fraction of the final mask's kept weights that the first mask (the one-shot
 *     magnitude mask of the pre-trained weights) did not keep
 * @param evaluations the masked net's accuracy along the way, on the validation set when one was given
 *     (the overload of {@code Bip.prune} with a validation set); iterations count θ-steps and mask steps alike
 */
public record BipResult(Mask mask, Cost cost, TermSizes termSizes, double movedFromOneShot, List<Evaluation> evaluations) {

    /** Copies the evaluations. */
    public BipResult {
        evaluations = List.copyOf(evaluations);
    }

    /**
     * A result without the diagnostics.
     *
     * @param mask the mask
     * @param cost the cost
     */
    public BipResult(Mask mask, Cost cost) {
        this(mask, cost, TermSizes.NONE, Double.NaN, List.of());
    }
}
