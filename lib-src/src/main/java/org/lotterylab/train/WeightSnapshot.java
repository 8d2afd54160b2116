package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * Copies a net's weights as they are after {@code k} optimizer steps: the weights a late-reset
 * ticket rewinds to (Frankle et al., "Stabilizing the Lottery Ticket Hypothesis").
 *
 * <p>The training loop takes the copy before the forward pass of step {@code k + 1}: a DJL
 * listener could not, since it hears of a batch only after the forward pass has already moved
 * BatchNorm's running statistics. {@code k = 0} gives the initial weights.
 *
 * <pre>{@code
 * var rewind = new WeightSnapshot(net, 500);
 * Training.with(config).snapshot(rewind).fit(net, train, test);
 * net.load(rewind.weights());
 * }</pre>
 */
public final class WeightSnapshot {

    private final Net net;
    private final int iteration;
    private int reached;
    private Map<String, NDArray> weights;

    /**
     * @param net the net being trained
     * @param iteration the number of optimizer steps after which to copy, ≥ 0
     */
    public WeightSnapshot(Net net, int iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException("a snapshot iteration must be ≥ 0, got " + iteration);
        }
        this.net = net;
        this.iteration = iteration;
    }

    /** @return the number of optimizer steps after which the copy is taken */
    public int iteration() {
        return iteration;
    }

    /** Told by the training loop of each iteration it reaches, before the iteration's step. */
    void reach(int current) {
        reached = current;
        if (current == iteration && weights == null) {
            weights = net.weights();
        }
    }

    /** @return whether training reached the snapshot's iteration */
    public boolean isTaken() {
        return weights != null;
    }

    /**
     * @return every parameter of the net after {@code iteration} steps (owned by the net's manager)
     * @throws IllegalStateException when training ended before that iteration
     */
    public Map<String, NDArray> weights() {
        if (weights == null) {
            throw new IllegalStateException("training ended at iteration " + reached + ", before iteration "
                    + iteration + " of the snapshot; rewind to an earlier iteration");
        }
        return weights;
    }
}
