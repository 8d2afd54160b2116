package org.lotterylab.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;

class NmSparsityTest {

    private final NDManager manager = NDManager.newBaseManager();
    private final Net net = Models.lenet300100(10).initialize(manager, 0);

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void twoOfFourKeepsTheTwoLargestOfEveryGroup() {
        Mask mask = Prune.nOfM(2, 4).prune(net, Mask.ones(net));
        assertEquals(0.5, mask.density(), 1e-12);
        for (String name : mask.names()) {
            NDArray groups = mask.get(name).reshape(-1, 4);
            assertTrue(groups.sum(new int[] {1}).eq(2).all().getBoolean(), name);
            NDArray w = net.parameter(name).getArray().abs().reshape(-1, 4);
            NDArray pruned = groups.eq(0).toType(DataType.FLOAT32, false);
            NDArray smallestKept = w.mul(groups).add(pruned.mul(1e9f)).min(new int[] {1});
            NDArray largestPruned = w.mul(pruned).max(new int[] {1});
            assertTrue(smallestKept.gte(largestPruned).all().getBoolean(), name);
        }
    }

    @Test
    void prunedWeightsStayPrunedAndGroupsNeverExceedN() {
        Mask half = Prune.random(1).prune(net, Mask.ones(net), 0.5);
        Mask mask = Prune.nOfM(1, 4).prune(net, half);
        assertEquals(mask, mask.and(half));
        mask.names().forEach(n -> assertTrue(mask.get(n).reshape(-1, 4).sum(new int[] {1}).lte(1).all().getBoolean()));
    }

    @Test
    void badPatternsAreExplained() {
        var tooMany = assertThrows(IllegalArgumentException.class, () -> Prune.nOfM(5, 4));
        assertTrue(tooMany.getMessage().contains("5:4"), tooMany.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> Prune.nOfM(0, 4));
        assertTrue(none.getMessage().contains("0:4") && none.getMessage().contains("prune every weight"), none.getMessage());
        var indivisible = assertThrows(IllegalArgumentException.class,
                () -> Prune.nOfM(2, 3).prune(net, Mask.ones(net)));
        assertTrue(indivisible.getMessage().contains("fc1.weight") && indivisible.getMessage().contains("784"),
                indivisible.getMessage());
    }
}
