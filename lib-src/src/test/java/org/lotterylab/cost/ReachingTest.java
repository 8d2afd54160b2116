package org.lotterylab.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;
import org.lotterylab.tickets.Imp;
import org.lotterylab.tickets.ImpConfig;
import org.lotterylab.train.Evaluation;
import org.lotterylab.train.TinyTask;
import org.lotterylab.train.TrainingConfig;

class ReachingTest {

    private static Evaluation at(int iteration, double validation) {
        return new Evaluation(iteration, iteration / 10.0, 1, 0.5, Double.NaN, Double.NaN, 1, validation);
    }

    private final List<Evaluation> curve = List.of(at(10, 0.5), at(20, 0.7), at(30, 0.69), at(40, 0.8));

    @Test
    void countsThePassesBeforeAndUpToTheFirstEvaluationAtTheTarget() {
        assertEquals(new Reaching(120, true), Reaching.of(100, curve, 0.7));
        assertEquals(new Reaching(110, true), Reaching.of(100, curve, 0.1));
    }

    @Test
    void aTargetNeverReachedCountsTheWholeRun() {
        assertEquals(new Reaching(140, false), Reaching.of(100, curve, 0.81));
        assertThrows(IllegalArgumentException.class, () -> Reaching.of(0, List.of(), 0.5));
    }

    @Test
    void impCostsAddEveryRoundUpToEach() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Net net = TinyTask.net().initialize(manager, 0);
            var data = TinyTask.data(manager, 96, 32, 1);
            var config = ImpConfig.of(TrainingConfig.defaults().withEpochs(1).withBatchSize(32)).withRounds(2);
            ImpCosts imp = ImpCosts.run(Imp.with(config), net, data, data);
            assertEquals(3, imp.rounds().size());
            // 96 samples in batches of 32: 3 passes a round.
            assertEquals(List.of(3L, 6L, 9L), imp.costUpTo().stream().map(Cost::passes).toList());
        }
    }
}
