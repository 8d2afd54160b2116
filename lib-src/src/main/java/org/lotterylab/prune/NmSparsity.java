package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * N:M semi-structured sparsity for linear layers: at most {@code n} non-zeros in every group of
 * {@code m} consecutive input weights of a row, keeping the largest magnitudes (2:4 is the 50%
 * pattern sparse tensor cores accelerate). Convolution weights are left as they are.
 *
 * <pre>{@code
 * Mask mask = Prune.nOfM(2, 4).prune(net, Mask.ones(net));
 * }</pre>
 *
 * @param n the most weights kept per group
 * @param m the group size
 */
public record NmSparsity(int n, int m) {

    /** Validates that 1 ≤ n ≤ m: with n = 0 the pattern would prune every weight of every linear layer. */
    public NmSparsity {
        if (m < 1 || n < 1 || n > m) {
            throw new IllegalArgumentException("N:M sparsity needs 1 <= N <= M, got " + n + ":" + m
                    + (n == 0 ? ", which would prune every weight of every linear layer" : "")
                    + " (2:4 keeps 2 of every 4 weights)");
        }
    }

    /**
     * Returns {@code current} with the N:M pattern imposed on its linear (2-D) weights; weights
     * already pruned count as zero and stay pruned. The net's weights are not changed.
     *
     * @throws IllegalArgumentException if m does not divide a linear layer's input size
     */
    public Mask prune(Net net, Mask current) {
        current.validate(net);
        Map<String, NDArray> pattern = new LinkedHashMap<>();
        for (String name : current.names()) {
            Shape shape = current.get(name).getShape();
            if (shape.dimension() != 2) {
                continue;
            }
            if (shape.get(1) % m != 0) {
                throw new IllegalArgumentException("Layer " + name + " has " + shape.get(1)
                        + " inputs, not a multiple of M = " + m + "; choose an M that divides it or exclude the layer");
            }
            NDArray live = net.parameter(name).getArray().mul(current.get(name)).abs();
            pattern.put(name, Ranking.topOfEachGroup(live.reshape(shape.get(0), shape.get(1) / m, m), n)
                    .reshape(shape).mul(current.get(name)));
        }
        return current.with(pattern);
    }
}
