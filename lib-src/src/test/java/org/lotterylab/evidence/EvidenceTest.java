package org.lotterylab.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    /** A difference with the given per-seed values over seeds 0, 1, 2. */
    private static Estimate gap(String name, double... values) {
        return Sample.of(name, Map.of(0L, values[0], 1L, values[1], 2L, values[2])).estimate();
    }

    @Test
    void theIntervalDecidesTheThreeCases() {
        // Tight samples: means 1, −1 and 0 with standard error 1/√3·0.1 ≈ 0.06 and t(0.975, 2) ≈ 4.3.
        assertEquals(Verdict.HOLDS, gap("up", 0.9, 1.0, 1.1).above(0).verdict());
        assertEquals(Verdict.FAILS, gap("down", -0.9, -1.0, -1.1).above(0).verdict());
        assertEquals(Verdict.INCONCLUSIVE, gap("flat", -0.1, 0.0, 0.1).above(0).verdict());
    }

    @Test
    void allOfFailsOnOneFailureAndShowsIt() {
        Evidence all = Evidence.allOf("gap", List.of(gap("round 1", 0.9, 1.0, 1.1).atLeast(0),
                gap("round 2", -0.9, -1.0, -1.1).atLeast(0), gap("round 3", -0.1, 0, 0.1).atLeast(0)));
        assertEquals(Verdict.FAILS, all.verdict());
        assertEquals("round 2", all.estimate().quantity());
        assertEquals(3, all.parts().size());
        assertEquals("gap ≥ 0", all.ruleInWords());
        assertEquals("the 95% interval of gap lies entirely below 0 in any one of the 3 comparisons", all.failsIf());
    }

    @Test
    void allOfHoldsOnlyWhenEveryPartHoldsAndShowsTheClosestCall() {
        Evidence held = Evidence.allOf("gap", List.of(gap("far", 4.9, 5, 5.1).atLeast(0), gap("near", 0.9, 1, 1.1).atLeast(0)));
        assertEquals(Verdict.HOLDS, held.verdict());
        assertEquals("near", held.estimate().quantity());
        Evidence open = Evidence.allOf("gap", List.of(gap("far", 4.9, 5, 5.1).atLeast(0), gap("flat", -0.1, 0, 0.1).atLeast(0)));
        assertEquals(Verdict.INCONCLUSIVE, open.verdict());
        assertThrows(IllegalArgumentException.class,
                () -> Evidence.allOf("gap", List.of(gap("a", 1, 1, 1).atLeast(0), gap("b", 1, 1, 1).above(0))));
    }

    @Test
    void seedsThatAllAgreeDecideNothing() {
        // Three seeds at exactly 2 points: a zero-width interval would call "> 0" certain.
        Evidence same = gap("steps", 2, 2, 2).above(0);
        assertEquals(Verdict.INCONCLUSIVE, same.verdict());
        assertTrue(same.note().contains("same value"), same.note());
        assertEquals(Verdict.HOLDS, gap("steps", 1.9, 2, 2.1).above(0).verdict());
    }

    @Test
    void anUnfitMeasureIsInconclusiveWhateverItsInterval() {
        Evidence censored = gap("dense − ticket", 90, 100, 110).atLeast(0)
                .inconclusiveIf(true, "the dense run's best iteration is its last evaluation");
        assertEquals(Verdict.INCONCLUSIVE, censored.verdict());
        assertTrue(censored.note().contains("last evaluation"));
        assertEquals(Verdict.HOLDS, gap("dense − ticket", 90, 100, 110).atLeast(0).inconclusiveIf(false, "").verdict());
    }

    @Test
    void saysTheRuleAndWhatWouldFailIt() {
        Evidence evidence = gap("ticket − dense", -0.1, 0, 0.1).atLeast(-0.5);
        assertEquals("ticket − dense ≥ -0.5", evidence.ruleInWords());
        assertEquals("the 95% interval of ticket − dense lies entirely below -0.5", evidence.failsIf());
        assertTrue(evidence.holds(), "0 ± 0.25 lies above −0.5");
    }
}
