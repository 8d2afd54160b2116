package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;

/** Magnitude pruning (Han et al. 2015; the lottery ticket's IMP): a weight is worth |w|. */
public final class Magnitude implements Criterion {

    @Override
    public Map<String, NDArray> scores(Net net, Mask mask) {
        Map<String, NDArray> scores = new LinkedHashMap<>();
        mask.names().forEach(name -> scores.put(name, net.parameter(name).getArray().abs()));
        return scores;
    }
}
