package org.lotterylab.imc;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.hessian.Coordinates;
import org.lotterylab.hessian.Spectrum;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Criterion;
import org.lotterylab.prune.Mask;

/**
 * The pruning criterion of IMC: a weight is worth its leverage on the retained eigen-subspace of
 * the loss Hessian, so that any {@link org.lotterylab.prune.Pruner} can turn the subspace into a mask.
 *
 * @param spectrum the Hessian's eigenpairs (over {@code coordinates})
 * @param coordinates the weights the Hessian was taken over, covering the mask's names
 * @param modes the retained eigenpairs, as indices in the spectrum's ascending order
 * @param leverage how a weight's share of the subspace is measured
 */
public record LeverageScore(Spectrum spectrum, Coordinates coordinates, int[] modes, Leverage leverage)
        implements Criterion {

    @Override
    public Map<String, NDArray> scores(Net net, Mask mask) {
        if (!coordinates.names().containsAll(mask.names())) {
            throw new IllegalArgumentException("The Hessian was taken over " + coordinates.names()
                    + " but the mask covers " + mask.names() + "; take it over the mask's weights");
        }
        Map<String, NDArray> all = coordinates.unflatten(leverage.scores(spectrum, modes));
        Map<String, NDArray> scores = new LinkedHashMap<>();
        mask.names().forEach(name -> scores.put(name, all.get(name)));
        return scores;
    }
}
