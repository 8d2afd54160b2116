package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.prune.Ranking;

/**
 * Filter-wise structured masks: every convolution keeps its {@code keep = max(1, C − round((1 −
 * density) × C))} filters of largest summed |s| (the count {@code Prune.filters} keeps, so the
 * masked net can be made physically smaller); linear layers stay dense. Structured BiP's
 * projection.
 *
 * @param density the fraction of each convolution's filters kept, in (0, 1]
 */
public record FilterTopK(double density) implements MaskRule {

    /** Validates the density. */
    public FilterTopK {
        Densities.require(density);
    }

    @Override
    public Map<String, NDArray> keep(Map<String, NDArray> importance) {
        Map<String, NDArray> masks = new LinkedHashMap<>();
        importance.forEach((name, s) -> {
            if (s.getShape().dimension() != 4) {
                masks.put(name, s.onesLike());
                return;
            }
            long filters = s.getShape().get(0);
            long keep = Math.max(1, filters - Math.round((1 - density) * filters));
            NDArray perFilter = s.reshape(filters, -1).sum(new int[] {1});
            NDArray kept = Ranking.top(perFilter, keep).reshape(filters, 1, 1, 1);
            masks.put(name, s.zerosLike().add(kept));
        });
        return masks;
    }
}
