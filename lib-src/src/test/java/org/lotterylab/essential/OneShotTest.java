package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.bert.Bert;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;

class OneShotTest {

    private final NDManager manager = NDManager.newBaseManager();
    private final Net net = Bert.sentenceEncoder(MlmPretrainingTest.TOY).initialize(manager, 2);

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void magnitudeMasksAreNestedAndZeroThePrunedWeights() {
        var weights = net.weights();
        try (Mask light = OneShot.magnitude(0.3).prune(net)) {
            net.load(weights);
            try (Mask heavy = OneShot.magnitude(0.7).prune(net)) {
                assertEquals(0.3, light.sparsity(), 1e-3);
                assertEquals(0.7, heavy.sparsity(), 1e-3);
                assertEquals(heavy, heavy.and(light), "every weight the heavier mask keeps, the lighter one keeps");
                assertEquals(0, heavy.revivedIn(net), "the pruned weights are zero");
            }
        }
    }

    @Test
    void patternsHaveTheirSparsityAndLabel() {
        OneShot twoOfFour = OneShot.nOfM(2, 4);
        assertEquals(0.5, twoOfFour.sparsity(), 1e-12);
        assertEquals("2:4", twoOfFour.label());
        try (Mask mask = twoOfFour.prune(net)) {
            mask.names().forEach(n -> assertTrue(mask.get(n).reshape(-1, 4).sum(new int[] {1}).eq(2).all().getBoolean(), n));
        }
        try (Mask mask = OneShot.random(0.4, 1).prune(net)) {
            assertEquals(0.4, mask.sparsity(), 1e-3);
        }
        assertThrows(IllegalArgumentException.class, () -> OneShot.nOfM(5, 4));
        var empty = assertThrows(IllegalArgumentException.class, () -> OneShot.nOfM(0, 4));
        assertTrue(empty.getMessage().contains("0:4") && empty.getMessage().contains("every weight"), empty.getMessage());
        var direct = assertThrows(IllegalArgumentException.class, () -> new OneShot("magnitude", 0.5, 0, 4, 0));
        assertTrue(direct.getMessage().contains("0:4"), direct.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OneShot.random(1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> OneShot.magnitude(1.01));
        assertEquals("floor", OneShot.floor().label());
        try (Mask mask = OneShot.floor().prune(net)) {
            assertEquals(1.0, mask.sparsity(), 1e-12);
            net.prunableParameters().values().forEach(p -> assertEquals(0f, p.getArray().abs().max().getFloat()));
        }
    }
}
