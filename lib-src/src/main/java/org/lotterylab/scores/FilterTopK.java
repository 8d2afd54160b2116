package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.prune.ChannelPruning;
import org.lotterylab.prune.Ranking;

/**
 * Filter-wise structured masks: every convolution keeps the filters of largest summed |s|, as
 * many as {@link ChannelPruning#filtersKept} with {@code 1 − density} (the count {@code Prune.filters}
 * keeps, so the masked net can be made physically smaller); linear layers stay dense. Structured BiP's
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
            long keep = ChannelPruning.filtersKept(filters, 1 - density);
            NDArray perFilter = s.reshape(filters, -1).sum(new int[] {1});
            NDArray kept = Ranking.top(perFilter, keep).reshape(filters, 1, 1, 1);
            masks.put(name, s.zerosLike().add(kept));
        });
        return masks;
    }
}
