package org.lotterylab.prune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a top-k selection was decided by its tie rule ({@link Ties}): how many scores equal the
 * threshold (the k-th highest), and how many of them the k kept had room for. When every tied
 * entry is kept ({@code kept == tied}), no rule was needed; otherwise {@code tied − kept} entries
 * with the same score as kept ones were dropped, and the rule chose which.
 *
 * @param threshold the k-th highest score
 * @param tied how many scores equal it
 * @param kept how many of those are kept
 * @param tiedPerLayer the tied entries of each tensor, by name in ranking order
 * @param keptPerLayer the tied entries kept in each tensor, by the rule used
 * @param keptByPositionPerLayer the tied entries each tensor would keep were ties broken by position
 */
public record TieCount(double threshold, long tied, long kept, Map<String, Long> tiedPerLayer, Map<String, Long> keptPerLayer,
        Map<String, Long> keptByPositionPerLayer) {

    /** Copies the maps. */
    public TieCount {
        tiedPerLayer = Collections.unmodifiableMap(new LinkedHashMap<>(tiedPerLayer));
        keptPerLayer = Collections.unmodifiableMap(new LinkedHashMap<>(keptPerLayer));
        keptByPositionPerLayer = Collections.unmodifiableMap(new LinkedHashMap<>(keptByPositionPerLayer));
    }

    /** @return the count of a selection without ties (nothing ranked, or everything kept) */
    public static TieCount none() {
        return new TieCount(Double.NaN, 0, 0, Map.of(), Map.of(), Map.of());
    }

    /**
     * The per-tensor counts of a selection made with this tie rule, as the positional rule would
     * have made them: the same entries above the threshold, the tied ones shared out by position.
     *
     * @param keptPerTensor how many entries the selection kept in each tensor, by name
     * @return the counts by position
     */
    public Map<String, Long> byPosition(Map<String, Long> keptPerTensor) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keptPerTensor.forEach((name, kept) -> counts.put(name,
                kept - keptPerLayer.getOrDefault(name, 0L) + keptByPositionPerLayer.getOrDefault(name, 0L)));
        return counts;
    }

    /** @return whether the tie rule decided anything: some tied entries were kept and others not */
    public boolean decided() {
        return kept < tied;
    }
}
