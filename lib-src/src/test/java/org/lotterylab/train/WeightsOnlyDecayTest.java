package org.lotterylab.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;

class WeightsOnlyDecayTest {

    @Test
    void decaysWeightsButNotBiasesNorBatchNorm() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Net net = TinyTask.net().initialize(manager, 0);
            Tracker rate = Tracker.fixed(0.1f);
            var optimizer = new WeightsOnlyDecay(net.parameters().values(),
                    OptimizerKind.SGD.create(rate, 0, 0.5f, 0), OptimizerKind.SGD.create(rate, 0, 0, 0));
            for (var entry : net.parameters().entrySet()) {
                Parameter parameter = entry.getValue();
                NDArray before = parameter.getArray().duplicate();
                optimizer.update(parameter.getId(), parameter.getArray(), parameter.getArray().zerosLike());
                // A zero gradient isolates the decay: w ← w − lr·wd·w = 0.95·w for weights only.
                float expected = parameter.getType() == Parameter.Type.WEIGHT ? 0.95f : 1f;
                assertTrue(parameter.getArray().allClose(before.mul(expected)), entry.getKey());
            }
        }
    }
}
