package org.lotterylab.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Criterion;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.Prune;
import org.lotterylab.train.TinyTask;

class TopKTest {

    private final NDManager manager = NDManager.newBaseManager();
    private final Net net = TinyTask.net().initialize(manager, 0);

    @AfterEach
    void close() {
        manager.close();
    }

    /** Scores 0..3 only, so that many weights tie at every threshold. */
    private Map<String, NDArray> tiedScores() {
        SplittableRandom random = new SplittableRandom(4);
        Map<String, NDArray> scores = new LinkedHashMap<>();
        net.prunableParameters().forEach((name, p) -> {
            float[] values = new float[Math.toIntExact(p.getArray().size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(4);
            }
            scores.put(name, manager.create(values, p.getArray().getShape()));
        });
        return scores;
    }

    @Test
    void scoreRulesKeepWhatPrunersKeepOnTheSameScoresTiesIncluded() {
        Map<String, NDArray> scores = tiedScores();
        Criterion fixed = (n, mask) -> scores;
        // Densities at which round(d × n) = n − round((1 − d) × n) for the net's layers (2048 and 96
        // weights) and for all of them: the rules and the pruners then keep as many weights.
        for (double density : new double[] {0.05, 0.25, 0.3}) {
            Mask global = Mask.of(new GlobalTopK(density).keep(scores));
            Mask layerwise = Mask.of(new LayerTopK(density).keep(scores));
            assertEquals(Prune.by(fixed).global().prune(net.copy(manager), Mask.ones(net), 1 - density), global, "global " + density);
            assertEquals(Prune.by(fixed).layerwise().prune(net.copy(manager), Mask.ones(net), 1 - density), layerwise,
                    "layer-wise " + density);
            assertTrue(splitsATie(scores, global), "the scores tie at the global threshold of " + density);
        }
    }

    /** Whether some weights with the lowest kept score are kept and others with that score are not. */
    private static boolean splitsATie(Map<String, NDArray> scores, Mask mask) {
        float lowest = Float.POSITIVE_INFINITY;
        for (String name : mask.names()) {
            NDArray kept = scores.get(name).get(mask.get(name).gt(0));
            lowest = Math.min(lowest, kept.isEmpty() ? lowest : kept.min().getFloat());
        }
        long tied = 0;
        long tiedKept = 0;
        for (String name : mask.names()) {
            NDArray atLowest = scores.get(name).eq(lowest);
            tied += atLowest.countNonzero().getLong();
            tiedKept += atLowest.logicalAnd(mask.get(name).gt(0)).countNonzero().getLong();
        }
        return tiedKept > 0 && tiedKept < tied;
    }
}
