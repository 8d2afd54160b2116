package org.lotterylab.gems;

import ai.djl.training.dataset.Batch;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.Prune;
import org.lotterylab.prune.Pruner;

/**
 * The pruning-at-initialisation baselines of Rare Gems, by name, each a global pruner of the
 * library's core: random, magnitude at init, SNIP, GraSP and SynFlow (100 rounds, data-free).
 *
 * <pre>{@code
 * Mask snip = AtInit.prune("snip", net, batches, 0.05, 0);
 * Mask control = AtInit.invert("snip", net, batches, 0.05, 0);   // keeps the lowest SNIP scores
 * }</pre>
 */
public final class AtInit {

    /** Factories by name: {@code (batches for data-driven criteria, seed) -> pruner}. */
    public static final Map<String, BiFunction<Iterable<Batch>, Long, Pruner>> METHODS = methods();

    private AtInit() {}

    private static Map<String, BiFunction<Iterable<Batch>, Long, Pruner>> methods() {
        Map<String, BiFunction<Iterable<Batch>, Long, Pruner>> methods = new LinkedHashMap<>();
        methods.put("random", (batches, seed) -> Prune.random(seed));
        methods.put("magnitude", (batches, seed) -> Prune.magnitude());
        methods.put("snip", (batches, seed) -> Prune.snip(batches));
        methods.put("grasp", (batches, seed) -> Prune.grasp(batches));
        methods.put("synflow", (batches, seed) -> Prune.synflow());
        return Collections.unmodifiableMap(methods);
    }

    /**
     * Prunes an initialised net down to a density, globally.
     *
     * @param method a name of {@link #METHODS}
     * @param net the net at initialisation; on return its pruned weights are zero
     * @param batches training data for SNIP and GraSP (ignored by the others)
     * @param density the fraction of weights kept, in (0, 1]
     * @param seed the seed of the random method
     * @return the mask
     */
    public static Mask prune(String method, Net net, Iterable<Batch> batches, double density, long seed) {
        return pruner(method, batches, seed).prune(net, Mask.ones(net), 1 - density);
    }

    /**
     * The inversion sanity check: prunes with the method's scores negated.
     *
     * @param method a name of {@link #METHODS}
     * @param net the net at initialisation; on return its pruned weights are zero
     * @param batches training data for SNIP and GraSP
     * @param density the fraction of weights kept
     * @param seed the seed of the random method
     * @return the mask keeping the weights the method ranks lowest
     */
    public static Mask invert(String method, Net net, Iterable<Batch> batches, double density, long seed) {
        Pruner pruner = pruner(method, batches, seed);
        return Prune.by(new Inverted(pruner.criterion())).rounds(pruner.rounds()).prune(net, Mask.ones(net), 1 - density);
    }

    private static Pruner pruner(String method, Iterable<Batch> batches, long seed) {
        BiFunction<Iterable<Batch>, Long, Pruner> factory = METHODS.get(method);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown pruning-at-init method '" + method + "'; choose one of " + METHODS.keySet());
        }
        return factory.apply(batches, seed);
    }
}
