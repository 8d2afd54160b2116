package org.lotterylab.slth.cnn;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.slth.Constructed;
import org.lotterylab.slth.WeightLayer;
import org.lotterylab.subsetsum.HeuristicConfig;
import org.lotterylab.subsetsum.SolveTally;
import org.lotterylab.subsetsum.SubsetSumSolver;
import org.lotterylab.subsetsum.SubsetSumSolvers;

/**
 * da Cunha et al.'s structured construction: for a target CNN of ℓ weight layers, draws a random
 * CNN of 2ℓ layers ({@link ChannelStage}: a block-diagonal 1×1 layer with 2n channels per input
 * channel, then a d×d layer) and keeps, for every input channel of every target layer, the hidden
 * channels chosen by two multidimensional subset sums of NSN vectors. Pruning removes whole
 * channels only; no weight of a kept kernel is pruned.
 *
 * <pre>{@code
 * StructuredTicket ticket = StructuredConstruction.of(500).epsilon(0.01).build(cnn, trained, manager);
 * }</pre>
 *
 * <p>ε is the tolerance of each subset sum (max-abs, in the units of a kernel weight). The output
 * error follows from it through the layers and is measured, not bounded in advance.
 */
public final class StructuredConstruction {

    /**
     * The default solver: the heuristic with 3 restarts. With n in the hundreds or thousands the
     * first local search does most of the work, and a construction solves 2·(inputs) problems per
     * layer, up to hundreds for the output layer.
     */
    private static final SubsetSumSolver DEFAULT_SOLVER = SubsetSumSolvers.heuristic(HeuristicConfig.defaults().withRestarts(3));

    private final int n;
    private final double epsilon;
    private final SubsetSumSolver solver;
    private final long seed;

    private StructuredConstruction(int n, double epsilon, SubsetSumSolver solver, long seed) {
        if (n < 1 || !(epsilon > 0)) {
            throw new IllegalArgumentException("the structured construction needs n ≥ 1 and ε > 0, got n = " + n
                    + ", ε = " + epsilon);
        }
        this.n = n;
        this.epsilon = epsilon;
        this.solver = solver;
        this.seed = seed;
    }

    /**
     * @param n hidden channels per input channel and sign (each input channel gets a block of 2n)
     * @return the construction with ε = 0.01, the heuristic solver and seed 0
     */
    public static StructuredConstruction of(int n) {
        return new StructuredConstruction(n, 0.01, DEFAULT_SOLVER, 0);
    }

    /** @param value the tolerance of each subset sum @return this construction with it */
    public StructuredConstruction epsilon(double value) {
        return new StructuredConstruction(n, value, solver, seed);
    }

    /** @param value the subset-sum solver @return this construction with it */
    public StructuredConstruction solver(SubsetSumSolver value) {
        return new StructuredConstruction(n, epsilon, value, seed);
    }

    /** @param value the seed of the random source @return this construction with it */
    public StructuredConstruction seed(long value) {
        return new StructuredConstruction(n, epsilon, solver, value);
    }

    /** Returns n, the hidden channels per input channel and sign. */
    public int n() {
        return n;
    }

    /**
     * Draws the random source, prunes it by channels and returns it with its compact form.
     *
     * @param target the target's architecture
     * @param trained a net built by {@code target.net()}, trained
     * @param manager the manager (and device) the two nets' own managers are made under
     * @return the ticket; close it when done
     */
    public StructuredTicket build(ConvTarget target, Net trained, NDManager manager) {
        Random random = new Random(seed);
        List<WeightLayer> layers = target.layers(trained);
        List<ChannelStage> stages = new ArrayList<>();
        SolveTally solves = SolveTally.NONE;
        for (WeightLayer layer : layers) {
            ChannelStage stage = new ChannelStage(layer, n, random);
            solves = solves.plus(stage.prune(layer, solver, epsilon));
            stages.add(stage);
        }
        Net source = SourceCnn.source(target, stages, manager);
        Mask mask = Mask.of(SourceCnn.keep(target, stages, source.manager()));
        mask.applyTo(source);
        Constructed ticket = new Constructed("structured", source, mask, 2 * layers.size(), mask.remaining(),
                mask.total(), solves.count(), solves.failed(), solves.maxError(), solves.seconds(), solves.failed(), 0);
        List<ChannelCount> channels = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) {
            channels.add(new ChannelCount(SourceCnn.expandLayer(s), SourceCnn.readLayer(target, s),
                    stages.get(s).keptChannels(), stages.get(s).liveChannels(), stages.get(s).hidden(),
                    stages.get(s).weightsPerChannel()));
        }
        return new StructuredTicket(ticket, SourceCnn.compact(target, stages, manager), channels);
    }
}
