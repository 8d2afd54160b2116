package org.lotterylab.prune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The pruning criteria by name: the one registry that every method choosing a criterion by name
 * reads ({@code gems.AtInit}, {@code essential.OneShot}, notebooks). A plain map from a name to a
 * factory that builds the criterion's global pruner, with the criterion's own defaults (the loss,
 * GraSP's temperature, SynFlow's 100 rounds), from a {@link Scoring} context.
 *
 * <pre>{@code
 * Mask mask = PruningCriteria.pruner("snip", Scoring.on(batches)).layerwise().prune(net, Mask.ones(net), 0.9);
 * }</pre>
 *
 * A new criterion is one {@link Criterion} class and one line below; a notebook or a test adds its
 * own with {@link #register}.
 */
public final class PruningCriteria {

    private static final Map<String, Function<Scoring, Pruner>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("magnitude", scoring -> Prune.magnitude());
        FACTORIES.put("random", scoring -> Prune.random(scoring.seed()));
        FACTORIES.put("snip", scoring -> Prune.snip(scoring.batches()));
        FACTORIES.put("taylor", scoring -> Prune.taylor(scoring.batches()));
        FACTORIES.put("grasp", scoring -> Prune.grasp(scoring.batches()));
        FACTORIES.put("synflow", scoring -> Prune.synflow());
    }

    /** The library's own names: runs are stored under them, so their meaning must not change. */
    private static final Set<String> OWN = Set.copyOf(FACTORIES.keySet());

    private PruningCriteria() {}

    /** @return every name known, the library's first, in the order they were registered */
    public static synchronized List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /**
     * The criterion's global, one-threshold pruner (with its own number of rounds), to refine as
     * any {@link Pruner}.
     *
     * @param name a name of {@link #names()}
     * @param scoring the data and seed the criterion may need
     * @throws IllegalArgumentException for an unknown name, naming the known ones
     */
    public static synchronized Pruner pruner(String name, Scoring scoring) {
        Function<Scoring, Pruner> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown pruning criterion '" + name + "'; choose one of " + names()
                    + " or add one with PruningCriteria.register");
        }
        return factory.apply(scoring);
    }

    /**
     * Adds a criterion under a new name, or replaces one added earlier (so that a notebook cell
     * can be run again), e.g. {@code PruningCriteria.register("obd", scoring -> Prune.by(new Obd(scoring.batches())))}.
     *
     * @param name the name to look it up by
     * @param factory builds its pruner from the data and seed
     * @throws IllegalArgumentException for a name of the library's own criteria
     */
    public static synchronized void register(String name, Function<Scoring, Pruner> factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        if (OWN.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is one of the library's criteria " + OWN.stream().sorted().toList()
                    + "; stored runs are named by it, so register yours under another name");
        }
        FACTORIES.put(name, factory);
    }
}
