package org.lotterylab.runs;

import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;

/**
 * Which architecture a run's weights belong to, stored as the run's {@code model.json} so that
 * the model zoo can rebuild the net before loading a checkpoint into it.
 *
 * @param name the model's name in {@link Models#REGISTRY}, e.g. {@code "lenet300100"}
 * @param inChannels input channels
 * @param classes output classes
 */
public record ModelSpec(String name, int inChannels, int classes) {

    /** The file in a run's folder that holds the spec. */
    public static final String FILE = "model.json";

    /**
     * @param net a net
     * @return its spec
     */
    public static ModelSpec of(Net net) {
        return new ModelSpec(net.name(), Math.toIntExact(net.inputShape().get(1)), net.classes());
    }

    /**
     * @return a fresh, uninitialised net of this architecture
     * @throws IllegalArgumentException when the name is not in the registry (the message lists it)
     */
    public Net build() {
        return Models.create(name, inChannels, classes);
    }
}
