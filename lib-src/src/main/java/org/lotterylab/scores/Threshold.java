package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a weight when its score exceeds a level: GEM-MINER's rounding {@code m = 1[s > 0.5]}.
 * The importance is the score itself (not |s|): GEM-MINER clamps its scores to [0, 1], and the
 * gradient of |s| would vanish at a score clamped to 0.
 *
 * @param level the score a weight must exceed to be kept
 */
public record Threshold(double level) implements MaskRule {

    @Override
    public NDArray importance(NDArray scores) {
        return scores;
    }

    @Override
    public Map<String, NDArray> keep(Map<String, NDArray> importance) {
        Map<String, NDArray> masks = new LinkedHashMap<>();
        importance.forEach((name, s) -> masks.put(name, s.gt(level).toType(DataType.FLOAT32, false)));
        return masks;
    }
}
