package org.lotterylab.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TiesTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    /** Two layers of 1,000 scores: 100 high ones in the second, the rest all exactly 0 (clamped scores). */
    private Map<String, NDArray> clamped() {
        float[] second = new float[1000];
        for (int i = 0; i < 100; i++) {
            second[10 * i] = 1;
        }
        Map<String, NDArray> scores = new LinkedHashMap<>();
        scores.put("first", manager.zeros(new Shape(1000)));
        scores.put("second", manager.create(second));
        return scores;
    }

    private static long kept(Map<String, NDArray> mask, String name) {
        return (long) mask.get(name).sum().getFloat();
    }

    @Test
    void byPositionTheFirstLayerTakesEveryTiedPlace() {
        Map<String, NDArray> kept = Ranking.top(clamped(), 1100, Ties.BY_POSITION);
        assertEquals(1000, kept(kept, "first"));
        assertEquals(100, kept(kept, "second"));
    }

    @Test
    void randomTiesShareTheTiedPlacesOutInProportionAndKeepEveryHigherScore() {
        Map<String, NDArray> scores = clamped();
        // 1,100 kept: the 100 ones, then 1,000 of the 1,900 zeros, 1,000 of them in the first layer.
        Map<String, NDArray> kept = Ranking.top(scores, 1100, Ties.random(3));
        assertEquals(1100, kept(kept, "first") + kept(kept, "second"), "exactly k kept");
        NDArray ones = scores.get("second").gt(0);
        assertEquals(100, kept.get("second").get(ones).sum().getFloat(), "every score above the threshold kept");
        // Hypergeometric: 1,000 × 1,000/1,900 = 526 expected in the first layer, standard deviation 11; ±100 is 9 sd.
        long first = kept(kept, "first");
        assertTrue(first > 426 && first < 626, "the first layer got " + first + " of the 1,000 tied places");
    }

    @Test
    void theSameSeedPicksTheSameTiedEntriesAndAnotherSeedOthers() {
        Map<String, NDArray> scores = clamped();
        NDArray a = Ranking.top(scores, 600, Ties.random(5)).get("first");
        NDArray b = Ranking.top(scores, 600, Ties.random(5)).get("first");
        NDArray c = Ranking.top(scores, 600, Ties.random(6)).get("first");
        assertTrue(a.contentEquals(b), "same seed, same choice");
        assertNotEquals(0, a.sub(c).abs().sum().getFloat(), "another seed, another choice");
    }

    @Test
    void withoutTiesAtTheThresholdTheRulesAgree() {
        NDArray distinct = manager.arange(0f, 500f).mul(0.37f).sin();
        assertTrue(Ranking.top(distinct, 123, Ties.random(1)).contentEquals(Ranking.top(distinct, 123)));
    }

    @Test
    void tieCountsSayHowManyTiedAndWhereEachRulePutsTheKeptOnes() {
        TieCount count = Ranking.ties(clamped(), 1100, Ties.random(3));
        assertEquals(0, count.threshold());
        assertEquals(1900, count.tied());
        assertEquals(1000, count.kept());
        assertTrue(count.decided());
        assertEquals(1000L, count.tiedPerLayer().get("first"));
        assertEquals(900L, count.tiedPerLayer().get("second"));
        assertEquals(1000L, count.keptByPositionPerLayer().get("first"));
        assertEquals(0L, count.keptByPositionPerLayer().get("second"));
        assertEquals(1000L, count.keptPerLayer().get("first") + count.keptPerLayer().get("second"));
        Map<String, Long> random = Map.of("first", count.keptPerLayer().get("first"),
                "second", 100 + count.keptPerLayer().get("second"));
        assertEquals(Map.of("first", 1000L, "second", 100L), count.byPosition(random));
        assertEquals(false, Ranking.ties(clamped(), 100, Ties.random(3)).decided(), "the 100 ones fill k exactly");
    }
}
