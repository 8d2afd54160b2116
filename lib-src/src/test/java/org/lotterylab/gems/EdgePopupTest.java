package org.lotterylab.gems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.Schedule;
import org.lotterylab.train.TinyTask;
import org.lotterylab.train.TinyTaskTest;
import org.lotterylab.train.TrainingConfig;

class EdgePopupTest extends TinyTaskTest {

    private static TrainingConfig training(int epochs) {
        return TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.1).withMomentum(0.9)
                .withSchedule(Schedule.cosine()).withEpochs(epochs).withBatchSize(32);
    }

    @Test
    void keepsExactlyTheRequestedFractionOfEveryLayer() {
        Net net = TinyTask.net().initialize(manager, 0);
        double density = 0.07;
        Mined popup = EdgePopup.mine(net, train, new EdgePopupConfig(training(2).withWeightDecay(5e-4), density));
        for (String name : popup.mask().names()) {
            long size = popup.mask().total(name);
            assertEquals(Math.round(density * size), popup.mask().remaining(name), name);
            assertEquals(Math.round(density * size), popup.inverted().remaining(name), name + " inverted");
        }
        assertEquals(0, popup.mask().and(popup.inverted()).remaining());
    }

    @Test
    void scoreTrainingFindsAMaskThatBeatsChanceOnFrozenWeights() {
        Net net = TinyTask.net().initialize(manager, 0);
        Mined popup = EdgePopup.mine(net, train, new EdgePopupConfig(training(4), 0.5));
        Mask mask = popup.mask();
        mask.applyTo(net);
        double accuracy = org.lotterylab.train.Evaluate.accuracy(net, TinyTask.data(manager, 96, 32, 2));
        assertTrue(accuracy > 0.6, "three noisy patterns should be told apart by a learned mask, got " + accuracy);
    }
}
