package org.lotterylab.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;
import org.lotterylab.train.TinyTask;
import org.lotterylab.train.Training;
import org.lotterylab.train.TrainingConfig;

class CostMeterTest {

    @Test
    void countsOnePassPerTrainingBatchAndOneSegmentPerTraining() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Net net = TinyTask.net().initialize(manager, 0);
            var data = TinyTask.data(manager, 96, 32, 1);
            CostMeter meter = new CostMeter();
            var config = TrainingConfig.defaults().withEpochs(2).withBatchSize(32);
            Training.with(config).listeners(meter).fit(net, data, data);
            Training.with(config.withEpochs(1)).listeners(meter).fit(net, data, data);
            assertEquals(9, meter.total().passes());
            assertEquals(List.of(6L, 3L), meter.segments().stream().map(Cost::passes).toList());
            assertEquals(meter.total().seconds(), meter.segments().stream().mapToDouble(Cost::seconds).sum(), 1e-9);
            assertEquals(3.0, meter.total().epochs(3));
        }
    }

    @Test
    void inferenceTimeComparesTheMediansOfBothNets() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Net net = TinyTask.net().initialize(manager, 0);
            var batch = new NDList(manager.randomUniform(0, 1, new Shape(8, 1, 8, 8)));
            InferenceTime time = InferenceTime.compare(net, net, batch, 3);
            assertTrue(time.baselineSeconds() > 0 && time.otherSeconds() > 0);
            assertEquals(time.baselineSeconds() / time.otherSeconds(), time.speedUp(), 1e-12);
            assertThrows(IllegalArgumentException.class, () -> InferenceTime.compare(net, net, batch, 0));
        }
    }

    @Test
    void stoppingAnIdleMeterIsAnError() {
        assertThrows(IllegalStateException.class, () -> new CostMeter().stop());
        assertThrows(IllegalArgumentException.class, () -> new Cost(-1, 0));
    }

    @Test
    void outcomesAreFoundAtTheNearestDensity() {
        var rows = List.of(new Outcome("IMP", "round 7", 0.20971, Double.NaN, 0.8, Cost.ZERO),
                new Outcome("IMP", "round 13", 0.05498, Double.NaN, 0.7, Cost.ZERO));
        assertEquals(0.7, Outcomes.find(rows, "IMP", "round 13", Math.pow(0.8, 13)).accuracy());
        assertThrows(IllegalArgumentException.class, () -> Outcomes.find(rows, "IMP", "round 13", 0.2));
        assertEquals(2, Outcomes.table("IMP", rows).rowCount());
        assertTrue(Outcomes.table("IMP", rows).columnNames().contains("passes"));
    }
}
