package org.lotterylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class OperatorProfileTest {

    @Test
    void countsTheOutermostOperatorsOfTheWorkOnce() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.ones(new Shape(64, 64));
            OperatorProfile profile = OperatorProfile.of(() -> {
                for (int i = 0; i < 3; i++) {
                    a.matMul(a).close();
                }
                a.add(1).close();
            });
            // matmul calls mm inside: only the outer call counts, three times, and the add once.
            assertEquals(4, profile.calls(), profile.microsByOperator().toString());
            assertTrue(profile.microsByOperator().containsKey("aten::matmul"), profile.microsByOperator().toString());
            assertTrue(profile.microsByOperator().containsKey("aten::add"), profile.microsByOperator().toString());
            assertTrue(profile.operatorSeconds() > 0 && profile.operatorSeconds() <= profile.wallSeconds(),
                    profile.operatorSeconds() + " s in operators of " + profile.wallSeconds() + " s");
            assertEquals(profile.wallSeconds() - profile.operatorSeconds(), profile.outsideSeconds(), 1e-12);
        }
    }
}
