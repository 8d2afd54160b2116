package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * The signed Kaiming constant initialisation of edge-popup and GEM-MINER: every prunable weight
 * becomes {@code sign(w)·√(2/fan_in)}, keeping the sign of its Kaiming-normal draw. Only the
 * choice of weights then carries information, which is what a mask-search method needs.
 */
public final class SignedConstant {

    private SignedConstant() {}

    /**
     * Replaces the prunable weights of {@code net} in place; biases and normalisation parameters
     * keep their values.
     *
     * @param net an initialised net
     * @return the net
     */
    public static Net apply(Net net) {
        Map<String, NDArray> constants = new LinkedHashMap<>();
        net.prunableParameters().forEach((name, p) -> {
            NDArray w = p.getArray();
            constants.put(name, w.sign().mul(Math.sqrt(2.0 / ScoreInit.fanIn(w))));
        });
        net.load(constants);
        constants.values().forEach(NDArray::close);
        return net;
    }
}
