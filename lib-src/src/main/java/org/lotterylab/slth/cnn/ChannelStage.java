package org.lotterylab.slth.cnn;

import java.util.Random;
import java.util.stream.IntStream;
import org.lotterylab.slth.WeightLayer;
import org.lotterylab.subsetsum.SolveTally;
import org.lotterylab.subsetsum.SubsetSolution;
import org.lotterylab.subsetsum.SubsetSumSolver;

/**
 * The two random source layers that stand for one target layer, while the construction prunes
 * them: a 1×1 convolution in which input channel t alone feeds hidden channels
 * [t·2n, (t+1)·2n) with scalar weights u_h ~ N(0, 1) (block-diagonal: a grouped convolution),
 * and a d×d convolution whose slice V_h (all outputs, all taps) reads hidden channel h, entries
 * N(0, σ²).
 *
 * <p>Hidden channel h computes V_h * ReLU(u_h·x_t) = |u_h|·V_h * x_t^± (x⁺ for u_h &gt; 0, x⁻ for
 * u_h &lt; 0), and x = x⁺ − x⁻, so the target kernel slice K[:, t] is rebuilt by two subset sums of
 * NSN vectors |u_h|·V_h: over the positive u_h towards K[:, t], over the negative ones towards
 * −K[:, t]. A channel is kept whole (its u_h and all of V_h) or removed whole.
 */
final class ChannelStage {

    /**
     * σ = SCALE·m / n, m the largest norm of a kernel slice K[:, t] of the target layer, makes the
     * candidates small enough that about n of them, mostly cancelling, reach any slice finely (a
     * candidate's norm is about 1/n of m) while their aligned parts still add up to more than m:
     * greedy sums of n such candidates reach about 0.32·SCALE·m. With σ fixed (the paper's
     * N(0, 1)) most candidates are far larger than a slice and no fast solver combines them. 5
     * leaves a margin over the 3 that reaching m needs.
     */
    static final double SCALE = 5;

    final int inputs;
    final int outputs;
    final int taps;
    final int perInput;
    /** u_h, one per hidden channel. */
    final float[] scalars;
    /** V, outputs × hidden × taps, index (o·hidden + h)·taps + tap. */
    final float[] kernels;
    final boolean[] kept;

    /**
     * Draws the two layers for a target layer.
     *
     * @param target the target layer (its weight scale sets σ)
     * @param n hidden channels per input channel and sign: the block of each input channel has 2n
     */
    ChannelStage(WeightLayer target, int n, Random random) {
        this.inputs = target.inputs();
        this.outputs = target.outputs();
        this.taps = target.taps();
        this.perInput = 2 * n;
        int hidden = Math.multiplyExact(inputs, perInput);
        double largest = IntStream.range(0, inputs).mapToDouble(t -> norm(target, t)).max().orElse(0);
        double sigma = largest > 0 ? SCALE * largest / n : 1;
        this.scalars = new float[hidden];
        for (int h = 0; h < hidden; h++) {
            scalars[h] = (float) random.nextGaussian();
        }
        this.kernels = new float[Math.multiplyExact(Math.multiplyExact(outputs, hidden), taps)];
        for (int i = 0; i < kernels.length; i++) {
            kernels[i] = (float) (sigma * random.nextGaussian());
        }
        this.kept = new boolean[hidden];
    }

    /** ‖K[:, t]‖, the Euclidean norm of input channel t's kernel slice. */
    private static double norm(WeightLayer target, int t) {
        double sum = 0;
        for (int o = 0; o < target.outputs(); o++) {
            for (int tap = 0; tap < target.taps(); tap++) {
                sum += target.weight(o, t, tap) * target.weight(o, t, tap);
            }
        }
        return Math.sqrt(sum);
    }

    int hidden() {
        return scalars.length;
    }

    /** Returns the input channel that hidden channel h reads. */
    int inputOf(int h) {
        return h / perInput;
    }

    /** Keeps, for every input channel, the hidden channels whose NSN vectors sum to its kernel slice. */
    SolveTally prune(WeightLayer target, SubsetSumSolver solver, double epsilon) {
        SolveTally solves = SolveTally.NONE;
        for (int t = 0; t < inputs; t++) {
            for (int sign : new int[] {1, -1}) {
                solves = solves.plus(keepSubset(target, t, sign, solver, epsilon));
            }
        }
        return solves;
    }

    /** One multidimensional subset sum: the hidden channels of block t with sign(u_h) = sign, towards sign·K[:, t]. */
    private SubsetSolution keepSubset(WeightLayer target, int t, int sign, SubsetSumSolver solver, double epsilon) {
        int[] candidates = IntStream.range(t * perInput, (t + 1) * perInput)
                .filter(h -> Math.signum(scalars[h]) == sign).toArray();
        double[][] vectors = new double[candidates.length][];
        for (int c = 0; c < candidates.length; c++) {
            vectors[c] = effectiveKernel(candidates[c]);
        }
        double[] slice = new double[outputs * taps];
        for (int o = 0; o < outputs; o++) {
            for (int tap = 0; tap < taps; tap++) {
                slice[o * taps + tap] = sign * target.weight(o, t, tap);
            }
        }
        SubsetSolution solution = solver.solve(vectors, slice, epsilon);
        for (int c : solution.subset()) {
            kept[candidates[c]] = true;
        }
        return solution;
    }

    /** |u_h|·V_h as a vector over (output, tap). */
    private double[] effectiveKernel(int h) {
        double scale = Math.abs(scalars[h]);
        double[] vector = new double[outputs * taps];
        for (int o = 0; o < outputs; o++) {
            for (int tap = 0; tap < taps; tap++) {
                vector[o * taps + tap] = scale * kernels[(o * hidden() + h) * taps + tap];
            }
        }
        return vector;
    }

    /** Returns the number of kept hidden channels. */
    int keptChannels() {
        int count = 0;
        for (boolean k : kept) {
            count += k ? 1 : 0;
        }
        return count;
    }

    /** Returns the number of kept hidden channels with u_h &gt; 0, the only ones that pass a non-negative input on. */
    int liveChannels() {
        int count = 0;
        for (int h = 0; h < kept.length; h++) {
            count += kept[h] && scalars[h] > 0 ? 1 : 0;
        }
        return count;
    }

    /** Returns the weights one kept channel brings: u_h and its slice V_h. */
    int weightsPerChannel() {
        return 1 + outputs * taps;
    }
}
