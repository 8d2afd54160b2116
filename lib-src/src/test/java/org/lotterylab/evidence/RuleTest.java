package org.lotterylab.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class RuleTest {

    private static final Interval ABOVE_ONE = new Interval(1.5, 3);
    private static final Interval BELOW_ONE = new Interval(-2, 0.5);
    private static final Interval ACROSS_ONE = new Interval(0.5, 1.5);

    @Test
    void atLeastHoldsFailsOrCannotTell() {
        assertSides(Rule.atLeast(1), ABOVE_ONE, BELOW_ONE);
        assertEquals(Verdict.HOLDS, Rule.atLeast(1).decide(new Interval(1, 2)), "≥ includes the margin");
    }

    @Test
    void aboveExcludesTheMargin() {
        Rule rule = Rule.above(1);
        assertSides(rule, ABOVE_ONE, BELOW_ONE);
        assertEquals(Verdict.INCONCLUSIVE, rule.decide(new Interval(1, 2)));
        assertEquals(Verdict.FAILS, rule.decide(new Interval(1, 1)), "a difference of exactly the margin is not above it");
    }

    @Test
    void atMostAndBelowMirrorThem() {
        assertSides(Rule.atMost(1), BELOW_ONE, ABOVE_ONE);
        assertSides(Rule.below(1), BELOW_ONE, new Interval(1, 2));
    }

    @Test
    void withinHoldsInsideTheBandAndFailsOutsideIt() {
        Rule rule = Rule.within(1);
        assertEquals(Verdict.HOLDS, rule.decide(new Interval(-0.5, 1)));
        assertEquals(Verdict.FAILS, rule.decide(ABOVE_ONE));
        assertEquals(Verdict.FAILS, rule.decide(new Interval(-3, -1.5)));
        assertEquals(Verdict.INCONCLUSIVE, rule.decide(ACROSS_ONE));
        assertEquals(Verdict.INCONCLUSIVE, rule.decide(new Interval(-2, 2)), "wider than the band: cannot tell");
    }

    @ParameterizedTest
    @EnumSource(Rule.Relation.class)
    void everyRuleCanFailAndCannotBeDecidedFromOneRun(Rule.Relation relation) {
        Rule rule = new Rule(relation, 1);
        boolean failsSomewhere = rule.decide(ABOVE_ONE) == Verdict.FAILS || rule.decide(BELOW_ONE) == Verdict.FAILS;
        assertEquals(true, failsSomewhere, rule + " must fail on some outcome");
        assertEquals(Verdict.INCONCLUSIVE, rule.decide(Interval.UNBOUNDED), "one seed decides nothing");
    }

    @Test
    void wordsSayTheRuleAndWhatWouldFailIt() {
        assertEquals("ticket − dense ≥ -0.5", Rule.atLeast(-0.5).words("ticket − dense"));
        assertEquals("|gap| ≤ 2", Rule.within(2).words("gap"));
        assertEquals("the 95% interval of gap lies entirely outside [-2, 2]", Rule.within(2).failsIf("gap"));
        assertEquals("the 95% interval of cost lies entirely above 0.3", Rule.atMost(0.3).failsIf("cost"));
    }

    @Test
    void marginsAreFiniteAndBandsNotNegative() {
        assertThrows(IllegalArgumentException.class, () -> Rule.within(-1));
        assertThrows(IllegalArgumentException.class, () -> Rule.above(Double.NaN));
    }

    /** The rule holds on one interval, fails on another, and cannot tell on one across its margin of 1. */
    private static void assertSides(Rule rule, Interval holding, Interval failing) {
        assertEquals(Verdict.HOLDS, rule.decide(holding), rule + " on " + holding);
        assertEquals(Verdict.FAILS, rule.decide(failing), rule + " on " + failing);
        assertEquals(Verdict.INCONCLUSIVE, rule.decide(ACROSS_ONE), rule + " across its margin");
    }
}
