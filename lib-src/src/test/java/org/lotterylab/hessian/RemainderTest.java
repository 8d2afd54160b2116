package org.lotterylab.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.translate.Batchifier;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;

class RemainderTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void aQuadraticLossHasNoNonlinearRemainder() {
        // A linear model under squared error: the Hessian is the same everywhere, so R = 0.
        Net net = TinyProblems.linear().initialize(manager, 1);
        Batch batch = TinyProblems.batch(manager, net, 8, 2);
        var targets = manager.randomNormal(new Shape(8, TinyProblems.CLASSES));
        Batch regression = new Batch(manager, batch.getData(), new NDList(targets), 8,
                Batchifier.STACK, Batchifier.STACK, 0, 1);
        try (LossHessian h = LossHessian.of(net, List.of(regression), Loss.l2Loss()::evaluate, net.prunableNames(),
                HvpMethod.FINITE_DIFFERENCES)) {
            LipschitzEstimate estimate = Remainder.lipschitz(h, 1.0, 2, 3, 0, manager);
            assertTrue(estimate.value() < 1e-6, "Lip(R) = " + estimate.value());
            assertEquals(2 * 2 * 3, estimate.products());
        }
    }

    @Test
    void theRemainderOfCrossEntropyGrowsWithTheRadius() {
        Net net = TinyProblems.tanhMlp().initialize(manager, 3);
        Batch batch = TinyProblems.batch(manager, net, 16, 4);
        try (LossHessian h = LossHessian.of(net, List.of(batch))) {
            double small = Remainder.lipschitz(h, 0.01, 2, 6, 5, manager).value();
            double large = Remainder.lipschitz(h, 0.1, 2, 6, 5, manager).value();
            assertTrue(small > 0, "a curved loss has a remainder");
            // For small radii ‖H(w + u) − H(w)‖ grows linearly with ‖u‖.
            assertEquals(10, large / small, 2);
        }
    }
}
