package org.lotterylab.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lotterylab.cost.CostMeter;
import org.lotterylab.nn.Net;
import org.lotterylab.train.AfterStep;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.TinyTask;
import org.lotterylab.train.TinyTaskTest;
import org.lotterylab.train.Training;
import org.lotterylab.train.TrainingConfig;
import org.lotterylab.train.TrainingDivergedException;
import org.lotterylab.train.Updates;

/** Score training on the library's one loop: what a step updates, and that it stops when it diverges. */
class ScoreTrainingTest extends TinyTaskTest {

    /** 96 samples in batches of 32: 3 steps per epoch. */
    private static TrainingConfig config(int epochs) {
        return TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.1).withWeightDecay(1e-4)
                .withEpochs(epochs).withBatchSize(32);
    }

    private ScoredNet scored(Net net) {
        return ScoredNet.of(net, new Threshold(0.5), ScoreInit.UNIFORM, 0);
    }

    @Test
    void aScoreOnlyStepLeavesEveryLearnedParameterOfTheNetUntouched() {
        Net net = TinyTask.net().initialize(manager, 0);
        ScoredNet scored = scored(net);
        Map<String, NDArray> weights = net.weights();
        Map<String, NDArray> scores = copies(scored.scores());
        Training.with(config(2)).minimising(scored.objective()).updating(scored.scoreUpdates()).fit(net, train);
        net.parameters().forEach((name, p) -> {
            if (p.requiresGradient()) {   // BatchNorm's running statistics follow the data; they are not learned
                assertTrue(p.getArray().contentEquals(weights.get(name)), name + " moved");
            }
        });
        scores.forEach((name, before) -> assertFalse(scored.scores().get(name).contentEquals(before),
                "the scores of " + name + " did not learn"));
    }

    @Test
    void alternationUpdatesWeightsOnEvenAndScoresOnOddStepsAndCostsOnePassPerStep() {
        Net net = TinyTask.net().initialize(manager, 0);
        ScoredNet scored = scored(net);
        NDArray weight = net.parameter("fc1.weight").getArray();
        NDArray score = scored.scores().get("fc1.weight");
        NDArray[] last = {weight.duplicate(), score.duplicate()};
        List<String> moved = new ArrayList<>();
        AfterStep record = step -> {
            moved.add((weight.contentEquals(last[0]) ? "" : "weights") + (score.contentEquals(last[1]) ? "" : "scores"));
            last[0] = weight.duplicate();
            last[1] = score.duplicate();
        };
        CostMeter meter = new CostMeter();
        Training.with(config(2)).minimising(scored.objective())
                .updating(Updates.alternating(Updates.parameters(), scored.scoreUpdates()))
                .afterStep(record).listeners(meter).fit(net, train);
        assertEquals(List.of("weights", "scores", "weights", "scores", "weights", "scores"), moved);
        assertEquals(6, meter.total().passes(), "one forward+backward pass per step, whatever it updates");
    }

    @Test
    void aScoreRunStopsAtTheStepThatLeftAScoreNonFinite() {
        int poisonedAt = 1;
        ScoredNet scored = scored(TinyTask.net().initialize(manager, 0));
        var strict = assertThrows(TrainingDivergedException.class, () -> Training.with(config(1)).labelled("scores")
                .minimising(scored.objective()).updating(scored.scoreUpdates()).afterStep(poisoning(scored, poisonedAt))
                .strict(true).fit(scored.net(), train));
        assertEquals(poisonedAt, strict.iteration(), strict.getMessage());
        assertEquals(Optional.of("weight of scores of fc2.weight"), strict.firstNonFinite(), strict.getMessage());
        // Without strict mode the next step's loss is not finite: caught one step later.
        ScoredNet loose = scored(TinyTask.net().initialize(manager, 0));
        var late = assertThrows(TrainingDivergedException.class, () -> Training.with(config(1))
                .minimising(loose.objective()).updating(loose.scoreUpdates()).afterStep(poisoning(loose, poisonedAt))
                .strict(false).fit(loose.net(), train));
        assertEquals(poisonedAt + 1, late.iteration(), late.getMessage());
    }

    /** After step {@code at}, fc2's scores become NaN. */
    private static AfterStep poisoning(ScoredNet scored, int at) {
        return step -> {
            if (step.iteration() == at) {
                scored.scores().get("fc2.weight").muli(Float.NaN);
            }
        };
    }

    private static Map<String, NDArray> copies(Map<String, NDArray> arrays) {
        Map<String, NDArray> copies = new LinkedHashMap<>();
        arrays.forEach((name, array) -> copies.put(name, array.duplicate()));
        return copies;
    }
}
