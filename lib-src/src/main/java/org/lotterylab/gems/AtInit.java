package org.lotterylab.gems;

import ai.djl.training.dataset.Batch;
import java.util.List;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.PruningCriteria;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.Pruner;
import org.lotterylab.prune.Scoring;

/**
 * Pruning at initialisation by a criterion's name ({@link PruningCriteria}), globally, and its inversion
 * sanity check; {@link #BASELINES} are the criteria Rare Gems compares GEM-MINER with.
 *
 * <pre>{@code
 * Mask snip = AtInit.prune("snip", net, batches, 0.05, 0);
 * Mask control = AtInit.invert("snip", net, batches, 0.05, 0);   // keeps the lowest SNIP scores
 * }</pre>
 */
public final class AtInit {

    /** The paper's pruning-at-init baselines, in its tables' order: random, magnitude at init, SNIP, GraSP, SynFlow. */
    public static final List<String> BASELINES = List.of("random", "magnitude", "snip", "grasp", "synflow");

    private AtInit() {}

    /**
     * Prunes an initialised net down to a density, globally.
     *
     * @param method a name of {@link PruningCriteria#names()}
     * @param net the net at initialisation; on return its pruned weights are zero
     * @param batches training data for the data-driven criteria (ignored by the others)
     * @param density the fraction of weights kept, in (0, 1]
     * @param seed the seed of seeded criteria (random)
     * @return the mask
     */
    public static Mask prune(String method, Net net, Iterable<Batch> batches, double density, long seed) {
        return PruningCriteria.pruner(method, new Scoring(batches, seed)).prune(net, Mask.ones(net), 1 - density);
    }

    /**
     * The inversion sanity check: prunes with the method's scores negated.
     *
     * @param method a name of {@link PruningCriteria#names()}
     * @param net the net at initialisation; on return its pruned weights are zero
     * @param batches training data for the data-driven criteria
     * @param density the fraction of weights kept
     * @param seed the seed of seeded criteria
     * @return the mask keeping the weights the method ranks lowest
     */
    public static Mask invert(String method, Net net, Iterable<Batch> batches, double density, long seed) {
        Pruner p = PruningCriteria.pruner(method, new Scoring(batches, seed));
        return new Pruner(new Inverted(p.criterion()), p.scope(), p.keepFirst(), p.lastLayerRate(), p.rounds())
                .prune(net, Mask.ones(net), 1 - density);
    }
}
