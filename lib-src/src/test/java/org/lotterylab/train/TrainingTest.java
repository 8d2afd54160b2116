package org.lotterylab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

class TrainingTest {

    private static final int BATCH = 32;

    private NDManager manager;
    private ArrayDataset train;
    private ArrayDataset test;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        train = TinyTask.data(manager, TinyTask.SAMPLES, BATCH, 1);
        test = TinyTask.data(manager, 96, BATCH, 2);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.defaults().withEpochs(epochs).withBatchSize(BATCH);
    }

    @Test
    void theReportedTrainingLossIsTheMeanOfTheStepsLosses() {
        Net net = TinyTask.net().initialize(manager, 0);
        List<Float> losses = new ArrayList<>();
        var recompute = new TrainingListenerAdapter() {
            @Override
            public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                // Computed afresh from the step's predictions, not taken from the loop.
                NDList labels = batchData.getLabels().values().iterator().next();
                NDList predictions = batchData.getPredictions().values().iterator().next();
                losses.add(Loss.softmaxCrossEntropyLoss().evaluate(labels, predictions).getFloat());
            }
        };
        Evaluation end = Training.with(config(1)).listeners(recompute).fit(net, train, test).evaluations().get(0);
        double mean = losses.stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        // Six batch means of 32 losses each, averaged: float32 rounding of sums of ~200 terms of size ~1.
        assertEquals(mean, end.trainLoss(), 200 * Math.ulp(1f) * mean);
    }

    @Test
    void stepTimesCountTheStepsAfterTheWarmUpAndAccountForAllTheirTime() {
        Net net = TinyTask.net().initialize(manager, 0);
        StepTimes times = new StepTimes(2);
        // 192 samples in batches of 32: 6 steps per epoch, 12 in two epochs, an evaluation after each epoch.
        Training.with(config(2)).timedBy(times).fit(net, train, test);
        assertEquals(10, times.steps());
        double sum = 0;
        for (StepTimes.Phase phase : StepTimes.Phase.values()) {
            assertTrue(times.seconds(phase) >= 0, phase + " took negative time");
            sum += times.seconds(phase);
        }
        assertEquals(times.totalSeconds(), sum, 1e-9);
        assertTrue(times.seconds(StepTimes.Phase.FORWARD) > 0 && times.seconds(StepTimes.Phase.BACKWARD) > 0
                && times.seconds(StepTimes.Phase.EVALUATION) > 0, times.toString());
    }

    @Test
    void hundredStepsWithMomentumAndWeightDecayReviveNoPrunedWeight() {
        Net net = TinyTask.net().initialize(manager, 0);
        Mask mask = TinyTask.halfMask(net, 7);
        var before = net.weights();
        int[] steps = {0};
        var everyStep = new TrainingListenerAdapter() {
            @Override
            public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                // Called after backward, before the step: the weights are those after the previous step.
                assertEquals(0, mask.revivedIn(net), "a pruned weight moved at step " + steps[0]++);
            }
        };
        // 192 samples / 32 = 6 steps per epoch; 17 epochs = 102 steps.
        TrainingConfig config = config(17).withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.1).withWeightDecay(0.05);
        Training.with(config).masked(mask).listeners(everyStep).fit(net, train, test);
        assertTrue(steps[0] >= 100);
        assertEquals(0, mask.revivedIn(net));
        assertNotEquals(0.0, net.parameter("fc1.weight").getArray().sub(before.get("fc1.weight")).abs().sum().getFloat(),
                "the kept weights must have trained");
    }

    @Test
    void withoutTheMaskTheSameTrainingMovesPrunedWeights() {
        // The control for the test above: it would pass vacuously if gradients never reached pruned weights.
        Net net = TinyTask.net().initialize(manager, 0);
        Mask mask = TinyTask.halfMask(net, 7);
        mask.applyTo(net);
        Training.with(config(2).withWeightDecay(0.05)).fit(net, train, test);
        assertTrue(mask.revivedIn(net) > 0);
    }

    @Test
    void adamWKeepsPrunedWeightsAtZero() {
        Net net = TinyTask.net().initialize(manager, 0);
        Mask mask = TinyTask.halfMask(net, 3);
        Training.with(config(3).withOptimizer(OptimizerKind.ADAMW, 0.01).withWeightDecay(0.1)).masked(mask)
                .fit(net, train, test);
        assertEquals(0, mask.revivedIn(net));
    }

    @Test
    void sameSeedGivesSameMetrics() {
        TrainingConfig config = config(3).withOptimizer(OptimizerKind.NESTEROV, 0.05).withSeed(11);
        TrainingHistory first = Training.with(config).fit(TinyTask.net().initialize(manager, 5), train, test);
        TrainingHistory second = Training.with(config).fit(TinyTask.net().initialize(manager, 5), train, test);
        assertEquals(first, second);
    }

    @Test
    void evaluatesEveryEpochAndLearnsTheTask() {
        Net net = TinyTask.net().initialize(manager, 0);
        TrainingHistory history = Training.with(config(4)).fit(net, train, test);
        assertEquals(4, history.evaluations().size());
        assertEquals(24, history.last().iteration());
        assertEquals(4.0, history.last().epoch());
        assertTrue(history.bestAccuracy() > 0.9, "3 well separated patterns: " + history);
        assertEquals(history.finalAccuracy(), Evaluate.accuracy(net, test), 1e-6);
    }

    @Test
    void aValidationSetIsWhatTheRunSelectsOnAndTheTestSetIsMeasuredOnlyWhereReported() {
        ArrayDataset validation = TinyTask.data(manager, 96, BATCH, 3);
        Net net = TinyTask.net().initialize(manager, 0);
        // Plain SGD with a large rate over 6 epochs: the validation accuracy peaks before the end on this task.
        TrainingConfig config = config(6).withOptimizer(OptimizerKind.SGD, 0.5).withEvaluateEvery(2);
        TrainingHistory history = Training.with(config).selectingOn(validation).fit(net, train, test);
        assertEquals(HeldOutSet.VALIDATION, history.selectedOn());
        assertEquals(18, history.evaluations().size());
        // The final weights are the net's: both sets measured through the block in inference mode, as Evaluate does.
        assertEquals(Evaluate.accuracy(net, validation), history.last().validationAccuracy(), 1e-6);
        assertEquals(Evaluate.accuracy(net, test), history.finalAccuracy(), 1e-6);
        assertEquals(List.of("iteration", "epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy",
                "validation_loss", "validation_accuracy"), List.copyOf(history.last().toRow().keySet()));
        Evaluation best = history.best();
        assertTrue(history.evaluations().stream().allMatch(e -> e.validationAccuracy() <= best.validationAccuracy()));
        assertTrue(Double.isFinite(history.bestAccuracy()) && Double.isFinite(best.testLoss()), best.toString());
        // The test set was measured at the best and the last evaluation only.
        assertEquals(Set.of(best.iteration(), history.last().iteration()), history.evaluations().stream()
                .filter(e -> !Double.isNaN(e.testAccuracy())).map(Evaluation::iteration).collect(Collectors.toSet()));
    }

    @Test
    void theTestAccuracyAtTheBestEvaluationIsThatOfTheWeightsItHad() {
        ArrayDataset validation = TinyTask.data(manager, 96, BATCH, 3);
        // Plain SGD at a constant rate: on this task the validation accuracy peaks after epoch 5 of 8.
        TrainingConfig config = config(8).withOptimizer(OptimizerKind.SGD, 0.5);
        TrainingHistory history = Training.with(config).selectingOn(validation).fit(TinyTask.net().initialize(manager, 0), train, test);
        assertEquals(30, history.bestIteration());
        // The same run stopped after epoch 5 takes the same 30 steps: its weights are the ones the first run kept.
        Net stopped = TinyTask.net().initialize(manager, 0);
        Training.with(config.withEpochs(5)).fit(stopped, train, test);
        assertEquals(Evaluate.accuracy(stopped, test), history.bestAccuracy(), 1e-6);
    }

    @Test
    void evaluatesEveryNIterationsWhenAsked() {
        Net net = TinyTask.net().initialize(manager, 0);
        TrainingHistory history = Training.with(config(2).withEvaluateEvery(4)).fit(net, train, test);
        assertEquals(List.of(4, 8, 12), history.evaluations().stream().map(Evaluation::iteration).toList());
    }

    @Test
    void rewoundRunTrainsOnlyTheRemainingIterations() {
        Net net = TinyTask.net().initialize(manager, 0);
        TrainingHistory history = Training.with(config(2)).startingAt(4).fit(net, train, test);
        assertEquals(12, history.last().iteration());
        var error = assertThrows(IllegalArgumentException.class,
                () -> Training.with(config(2)).startingAt(12).fit(net, train, test));
        assertTrue(error.getMessage().contains("12"));
    }

    @Test
    void snapshotAtZeroIsTheInitialisation() {
        Net net = TinyTask.net().initialize(manager, 0);
        var init = net.weights();
        var atZero = new WeightSnapshot(net, 0);
        var atThree = new WeightSnapshot(net, 3);
        Training.with(config(1)).snapshot(atZero).snapshot(atThree).fit(net, train, test);
        assertTrue(atZero.weights().get("fc1.weight").contentEquals(init.get("fc1.weight")));
        assertTrue(!atThree.weights().get("fc1.weight").contentEquals(init.get("fc1.weight")));
        var late = new WeightSnapshot(net, 100);
        Training.with(config(1)).snapshot(late).fit(net, train, test);
        assertThrows(IllegalStateException.class, late::weights);
    }

    @Test
    void rewoundRunRetracesTheOriginalFromIterationK() {
        // Same weights at iteration 4 and the same batches afterwards: the same end point
        // (with plain SGD, which has no state that the snapshot would miss).
        TrainingConfig config = config(2).withSeed(3).withOptimizer(OptimizerKind.SGD, 0.1);
        Net original = TinyTask.net().initialize(manager, 0);
        var atFour = new WeightSnapshot(original, 4);
        TrainingHistory full = Training.with(config).snapshot(atFour).fit(original, train, test);
        Net rewound = TinyTask.net().initialize(manager, 1);
        rewound.load(atFour.weights());
        TrainingHistory rest = Training.with(config).startingAt(4).fit(rewound, train, test);
        assertEquals(full.last().testAccuracy(), rest.last().testAccuracy());
        assertTrue(original.parameter("fc1.weight").getArray().allClose(rewound.parameter("fc1.weight").getArray()));
    }

    @Test
    void withoutATestSetEvaluationsRecordTheTrainingMetricsAlone() {
        Net net = TinyTask.net().initialize(manager, 0);
        TrainingHistory history = Training.with(config(2)).fit(net, train);
        assertEquals(List.of(6, 12), history.evaluations().stream().map(Evaluation::iteration).toList());
        for (Evaluation evaluation : history.evaluations()) {
            assertTrue(Double.isFinite(evaluation.trainLoss()) && Double.isFinite(evaluation.trainAccuracy()), evaluation.toString());
            assertTrue(Double.isNaN(evaluation.testLoss()) && Double.isNaN(evaluation.testAccuracy()), evaluation.toString());
        }
    }

    @Test
    void afterStepHooksRunAfterEveryUpdateInTheirOrderAndKnowTheEpochEnds() {
        List<String> calls = new ArrayList<>();
        Training.with(config(2))
                .afterStep(step -> calls.add(step.iteration() + (step.endsEpoch() ? " ends epoch " + step.epoch() : "")),
                        step -> calls.add("second"))
                .fit(TinyTask.net().initialize(manager, 0), train, test);
        assertEquals(24, calls.size());
        assertEquals(List.of("0", "second", "1", "second"), calls.subList(0, 4));
        assertEquals("5 ends epoch 0", calls.get(10));
        assertEquals("11 ends epoch 1", calls.get(22));
    }

    @Test
    void anEpochHasOneStepPerBatchTheLastOneSmaller() {
        assertEquals(6, config(1).batchesPerEpoch(192));
        assertEquals(7, config(1).batchesPerEpoch(193));
        assertThrows(IllegalArgumentException.class, () -> config(1).batchesPerEpoch(0));
    }

    @Test
    void aGradientLeftOnTheNetBeforeTrainingDoesNotReachItsFirstStep() {
        // PyTorch adds every backward pass into the gradients: a mask search that froze the weights
        // left its last batch's gradient on them, and the first step of fine-tuning used to add it.
        TrainingConfig config = config(1).withOptimizer(OptimizerKind.SGD, 0.1);
        Net clean = TinyTask.net().initialize(manager, 0);
        Training.with(config).fit(clean, train, test);
        Net stale = TinyTask.net().initialize(manager, 0);
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            collector.backward(stale.forward(new NDList(manager.ones(new Shape(4, 1, 8, 8))), false).head().sum());
        }
        Training.with(config).fit(stale, train, test);
        assertTrue(stale.parameter("fc1.weight").getArray().contentEquals(clean.parameter("fc1.weight").getArray()));
    }

    @Test
    void everyStepSeesTheGradientOfItsOwnBatchOnly() {
        // PyTorch's backward pass adds into the gradients and the optimizers leave them as they are:
        // the loop must empty them before each pass. The output bias's gradient of a mean softmax
        // cross-entropy follows from the step's own predictions alone: mean(softmax(p) − onehot(y)).
        for (OptimizerKind kind : List.of(OptimizerKind.SGD_MOMENTUM, OptimizerKind.NESTEROV)) {
            Net net = TinyTask.net().initialize(manager, 0);
            List<String> mismatches = new ArrayList<>();
            var check = new TrainingListenerAdapter() {
                @Override
                public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                    NDList labels = batchData.getLabels().values().iterator().next();
                    NDArray predictions = batchData.getPredictions().values().iterator().next().head();
                    NDArray expected = predictions.softmax(1)
                            .sub(labels.head().toType(DataType.INT32, false).oneHot(TinyTask.CLASSES)).mean(new int[] {0});
                    NDArray seen = net.parameter("fc2.bias").getArray().getGradient();
                    // A mean of 32 terms no larger than 1: float32 rounding stays below 32 ulps of 1.
                    if (seen.sub(expected).abs().max().getFloat() > 32 * Math.ulp(1f)) {
                        mismatches.add(kind + ": " + Arrays.toString(seen.toFloatArray()) + " against "
                                + Arrays.toString(expected.toFloatArray()));
                    }
                }
            };
            Training.with(config(2).withOptimizer(kind, 0.1).withMomentum(0.9)).listeners(check).fit(net, train, test);
            assertEquals(List.of(), mismatches);
        }
    }
}
