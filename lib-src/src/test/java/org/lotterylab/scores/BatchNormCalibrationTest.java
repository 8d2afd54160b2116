package org.lotterylab.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;
import org.lotterylab.train.TinyTask;

class BatchNormCalibrationTest {

    @Test
    void statisticsFollowTheDataAndNothingElseChanges() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Net net = TinyTask.net().initialize(manager, 0);
            var data = TinyTask.data(manager, 96, 32, 1);
            NDArray weight = net.parameter("fc1.weight").getArray().duplicate();
            BatchNormCalibration.recalibrate(net, data, 32, 40, 0);
            NDArray mean = net.parameter("bn1.runningMean").getArray();
            assertTrue(mean.abs().sum().getFloat() > 0, "the running mean moved away from its reset value");
            assertTrue(net.parameter("fc1.weight").getArray().contentEquals(weight), "weights are not trained");
            NDArray calibrated = mean.duplicate();
            BatchNormCalibration.recalibrate(net, data, 32, 40, 0);
            assertEquals(0, calibrated.sub(net.parameter("bn1.runningMean").getArray()).abs().max().getFloat(), 1e-6,
                    "calibration starts from a reset, so it is reproducible");
        }
    }
}
