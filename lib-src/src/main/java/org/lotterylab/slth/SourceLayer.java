package org.lotterylab.slth;

import java.util.SplittableRandom;

/**
 * One layer of a random source network while a construction prunes it: its random weights,
 * which of them are kept, and its fixed biases, as a convolution {@code outputs × inputs} with
 * {@code height × width} kernels (indices as in {@link WeightLayer}).
 *
 * <p>Biases are part of the random source and are never pruned: the constructions draw them (the
 * bias neurons of a first layer) or set them to 0 (every other neuron), and build every bias of
 * the target out of constant neurons.
 */
final class SourceLayer {

    final String name;
    final int outputs;
    final int inputs;
    final int height;
    final int width;
    final float[] weights;
    final float[] keep;
    final float[] biases;
    final boolean activated;
    final boolean pooled;
    /** Weights are drawn from [−bound, bound]. */
    private final double bound;

    /** A layer with weights drawn uniformly from [−bound, bound], nothing kept yet, zero biases. */
    SourceLayer(String name, int outputs, int inputs, int height, int width, double bound, boolean activated,
            boolean pooled, SplittableRandom random) {
        this.name = name;
        this.outputs = outputs;
        this.inputs = inputs;
        this.height = height;
        this.width = width;
        this.activated = activated;
        this.pooled = pooled;
        this.bound = bound;
        this.weights = new float[Math.multiplyExact(Math.multiplyExact(outputs, inputs), height * width)];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextDouble(-bound, bound);
        }
        this.keep = new float[weights.length];
        this.biases = new float[outputs];
    }

    /** Returns the index of the weight from input {@code i} to output {@code o} at tap {@code t}. */
    int index(int o, int i, int t) {
        return (o * inputs + i) * height * width + t;
    }

    /** Returns that weight. */
    double weight(int o, int i, int t) {
        return weights[index(o, i, t)];
    }

    /**
     * Draws that weight afresh from the layer's distribution, for a subset sum whose first numbers
     * missed ε (as the authors' code does; the construction counts the fresh numbers as extra width).
     *
     * @return the new weight
     */
    double redraw(int o, int i, int t, SplittableRandom random) {
        float fresh = (float) random.nextDouble(-bound, bound);
        weights[index(o, i, t)] = fresh;
        return fresh;
    }

    /** Keeps that weight. */
    void keep(int o, int i, int t) {
        keep[index(o, i, t)] = 1;
    }

    /** Returns the number of kept weights. */
    long kept() {
        long count = 0;
        for (float k : keep) {
            count += (long) k;
        }
        return count;
    }
}
