package org.lotterylab.scores;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;

/**
 * A DJL {@link ParameterStore} that hands each gated layer {@code w ⊙ gate} instead of {@code w}.
 * Every DJL layer reads its weight through the store, so gating here turns the convolution and
 * linear layers of any block (residual blocks included) into score-gated layers without
 * rebuilding them, and their parameters keep their names.
 */
final class GatingStore extends ParameterStore {

    private final ParameterStore inner;
    private final Map<String, NDArray> gates;

    /**
     * @param inner the store the values come from
     * @param gates the gate of each gated weight, by the parameter's id
     */
    GatingStore(ParameterStore inner, Map<String, NDArray> gates) {
        super(inner.getManager(), false);
        this.inner = inner;
        this.gates = gates;
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        NDArray value = inner.getValue(parameter, device, training);
        NDArray gate = parameter == null ? null : gates.get(parameter.getId());
        return gate == null ? value : value.mul(gate.toDevice(device, false));
    }
}
