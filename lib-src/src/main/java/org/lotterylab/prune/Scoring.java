package org.lotterylab.prune;

import ai.djl.training.dataset.Batch;
import java.util.List;
import java.util.Objects;

/**
 * What a criterion named in {@link PruningCriteria} may need besides the net: batches of training data
 * (SNIP, Taylor, GraSP use every batch given) and a seed (random pruning). Each criterion takes
 * what it needs and ignores the rest, so every name is looked up the same way.
 *
 * <pre>{@code
 * Pruner snip = PruningCriteria.pruner("snip", Scoring.on(List.of(batch)));
 * Pruner random = PruningCriteria.pruner("random", Scoring.seeded(7));
 * }</pre>
 *
 * @param batches one or a few batches of training data; empty for data-free criteria
 * @param seed the seed of seeded criteria
 */
public record Scoring(Iterable<Batch> batches, long seed) {

    /** No data and seed 0: enough for data-free, unseeded criteria such as magnitude. */
    public static final Scoring NONE = seeded(0);

    /** Checks that the batches are given (empty, not null, when there are none). */
    public Scoring {
        Objects.requireNonNull(batches, "batches: pass List.of() when the criterion needs no data");
    }

    /**
     * @param batches one or a few batches of training data
     * @return the context of a data-driven criterion, with seed 0
     */
    public static Scoring on(Iterable<Batch> batches) {
        return new Scoring(batches, 0);
    }

    /**
     * @param seed the seed of the scores
     * @return the context of a data-free criterion with that seed
     */
    public static Scoring seeded(long seed) {
        return new Scoring(List.of(), seed);
    }
}
