package org.lotterylab.gems;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Criterion;
import org.lotterylab.prune.Mask;

/**
 * The inversion sanity check of a pruning criterion (Frankle et al. 2021): the negated scores, so
 * that pruning keeps the weights the criterion deems least important.
 *
 * @param criterion the criterion inverted
 */
public record Inverted(Criterion criterion) implements Criterion {

    @Override
    public Map<String, NDArray> scores(Net net, Mask mask) {
        Map<String, NDArray> negated = new LinkedHashMap<>();
        criterion.scores(net, mask).forEach((name, s) -> negated.put(name, s.neg()));
        return negated;
    }
}
