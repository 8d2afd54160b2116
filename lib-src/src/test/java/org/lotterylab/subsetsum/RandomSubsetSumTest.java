package org.lotterylab.subsetsum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomSubsetSumTest {

    @Test
    void moreCandidatesMakeSuccessMoreLikely() {
        SubsetSumSolver exact = SubsetSumSolvers.meetInTheMiddle();
        double few = RandomSubsetSum.uniform(4).successRate(exact, 0.01, 200, 1);
        double many = RandomSubsetSum.uniform(20).successRate(exact, 0.01, 200, 1);
        assertTrue(few < 0.5, "4 values rarely hit a random target within 0.01: " + few);
        assertEquals(1.0, many, "20 values almost always do");
    }

    @Test
    void candidatesHaveTheFamilysShapeAndRange() {
        Random random = new Random(2);
        for (double[] v : RandomSubsetSum.productsOfUniforms(50).candidates(random)) {
            assertEquals(1, v.length);
            assertTrue(Math.abs(v[0]) <= 1);
        }
        double[][] nsn = RandomSubsetSum.nsn(30, 9).candidates(random);
        assertEquals(30, nsn.length);
        assertEquals(9, nsn[0].length);
        assertEquals(12, RandomSubsetSum.nsn(30, 9).withN(12).candidates(random).length);
    }

    @Test
    void theSameSeedGivesTheSameRate() {
        var family = RandomSubsetSum.nsn(20, 4);
        assertEquals(family.successRate(SubsetSumSolvers.heuristic(), 0.2, 30, 5),
                family.successRate(SubsetSumSolvers.heuristic(), 0.2, 30, 5));
        assertThrows(IllegalArgumentException.class, () -> RandomSubsetSum.nsn(0, 4));
    }
}
