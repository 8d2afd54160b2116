package org.lotterylab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.optimizer.Optimizer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;

class DivergenceTest extends TinyTaskTest {

    private static final int BATCH = 32;

    private ArrayDataset test() {
        return TinyTask.data(manager, 96, BATCH, 2);
    }

    @Test
    void aNaNInTheDataStopsTheFirstStepBeforeAnyUpdate() {
        Net net = TinyTask.net().initialize(manager, 0);
        Map<String, NDArray> before = net.weights();
        ArrayDataset poisoned = new ArrayDataset.Builder()
                .setData(manager.full(new ai.djl.ndarray.types.Shape(96, 1, 8, 8), Float.NaN))
                .optLabels(manager.zeros(new ai.djl.ndarray.types.Shape(96)))
                .setSampling(BATCH, false).build();
        var e = assertThrows(TrainingDivergedException.class,
                () -> Training.with(TrainingConfig.defaults().withEpochs(1).withBatchSize(BATCH)).labelled("poisoned")
                        .fit(net, poisoned, test()));
        assertEquals(0, e.iteration());
        assertEquals("poisoned", e.run());
        assertEquals(Optional.of("gradient of fc1.weight"), e.firstNonFinite(), e.getMessage());
        assertTrue(e.getMessage().contains("no step had a finite loss") && e.getMessage().contains("learning rate"),
                e.getMessage());
        // Batch norm's running statistics follow the forward pass; what the optimizer updates must not move.
        before.entrySet().stream().filter(w -> net.parameter(w.getKey()).requiresGradient())
                .forEach(w -> assertEquals(w.getValue(), net.parameter(w.getKey()).getArray(), w.getKey() + " was updated"));
    }

    @Test
    void anExplodingLossStopsAlthoughItStaysFinite() {
        Net net = TinyTask.net().initialize(manager, 0);
        // Adam at a learning rate of 1000 drives the logits to huge, still finite, values.
        TrainingConfig config = TrainingConfig.defaults().withOptimizer(OptimizerKind.ADAM, 1000).withEpochs(20)
                .withBatchSize(BATCH);
        var e = assertThrows(TrainingDivergedException.class, () -> Training.with(config).fit(net, train, test()));
        assertTrue(e.getMessage().contains("exploded") || e.getMessage().contains("NaN")
                || e.getMessage().contains("Infinity"), e.getMessage());
        assertTrue(e.getMessage().contains("last finite loss"), e.getMessage());
    }

    @Test
    void strictModeNamesTheWeightAnUpdateMadeNonFiniteAtThatStep() {
        int poisonedAt = 4;
        TrainingConfig config = TrainingConfig.defaults().withEpochs(2).withBatchSize(BATCH);
        var strict = assertThrows(TrainingDivergedException.class, () -> Training.with(config)
                .optimizer(poisoning(poisonedAt)).strict(true).fit(TinyTask.net().initialize(manager, 0), train, test()));
        assertEquals(poisonedAt, strict.iteration());
        assertEquals(Optional.of("weight of fc2.weight"), strict.firstNonFinite(), strict.getMessage());
        // Without strict mode the next step's loss is NaN: caught one step later.
        var loose = assertThrows(TrainingDivergedException.class, () -> Training.with(config)
                .optimizer(poisoning(poisonedAt)).strict(false).fit(TinyTask.net().initialize(manager, 0), train, test()));
        assertEquals(poisonedAt + 1, loose.iteration());
        assertEquals(Optional.of("weight of fc2.weight (left by the previous update)"), loose.firstNonFinite(), loose.getMessage());
    }

    @Test
    void clippingStopsAtTheStepWhoseGradientStaysNotFiniteWhileItsLossIs() {
        int poisonedAt = 3;
        // The step's gradient and its recomputation are both NaN: a divergence, not a glitch.
        Net net = TinyTask.net().initialize(manager, 0);
        var e = assertThrows(TrainingDivergedException.class, () -> clipped(nanGradientAt(poisonedAt, poisonedAt + 1))
                .fit(net, train, test()));
        assertEquals(poisonedAt, e.iteration(), e.getMessage());
        assertEquals(Optional.of("gradient of fc1.weight"), e.firstNonFinite(), e.getMessage());
        assertTrue(e.getMessage().contains("gradient is not finite"), e.getMessage());
        net.parameters().forEach((name, p) -> assertTrue(Float.isFinite(p.getArray().sum().getFloat()), name + " was updated with NaN"));
    }

    @Test
    void aGradientThatIsNotFiniteOnceIsRecomputedAndTheRunEndsAsAnUnaffectedOne() {
        Net clean = TinyTask.net().initialize(manager, 0);
        clipped(arrays -> { }).fit(clean, train, test());
        Net glitched = TinyTask.net().initialize(manager, 0);
        clipped(nanGradientAt(3)).fit(glitched, train, test());
        // Trained weights as if nothing happened; batch norm's running statistics saw the batch twice.
        clean.weights().entrySet().stream().filter(w -> clean.parameter(w.getKey()).requiresGradient())
                .forEach(w -> assertEquals(w.getValue(), glitched.parameter(w.getKey()).getArray(), w.getKey()));
    }

    /** Two epochs of clipped training whose gradients {@code poison} sees after clipping's own transform is added. */
    private Training clipped(GradientTransform poison) {
        return Training.with(TrainingConfig.defaults().withEpochs(2).withBatchSize(BATCH))
                .updating(Updates.parameters().transformingGradients(new GradientClipping(1)).transformingGradients(poison));
    }

    /** Makes fc1's gradient NaN at the given calls (counted from 0; a recomputed step is called again). */
    private static GradientTransform nanGradientAt(int... calls) {
        int[] call = {0};
        return arrays -> {
            int now = call[0]++;
            if (Arrays.stream(calls).anyMatch(c -> c == now)) {
                try (NDArray gradient = arrays.get("fc1.weight").getGradient()) {
                    gradient.muli(Float.NaN);
                }
            }
        };
    }

    /** The configured optimizer, except that update number {@code step} leaves fc2's weight NaN. */
    private static OptimizerFactory poisoning(int step) {
        return (net, config, rate, begin) -> {
            Optimizer inner = OptimizerFactory.configured().create(net, config, rate, begin);
            return new Optimizer(new OptimizerOptions()) {
                private int updates;

                @Override
                public void update(String parameterId, NDArray weight, NDArray grad) {
                    inner.update(parameterId, weight, grad);
                    if (net.parameters().get("fc2.weight").getId().equals(parameterId) && updates++ == step) {
                        weight.muli(Float.NaN);
                    }
                }
            };
        };
    }

    @Test
    void aFirstEpochEndingClearlyAboveTheUntrainedLossIsFlaggedAFlatOneIsNot() {
        DivergenceGuard rising = new DivergenceGuard("rising", Map.of(), 0.1, false, 4);
        double[] losses = {2.3, 2.5, 2.6, 2.7};   // mean 2.525 > 1.05 × 2.3
        for (int i = 0; i < losses.length; i++) {
            rising.afterBackward(i, losses[i]);
        }
        assertTrue(rising.nearDivergence());
        DivergenceGuard flat = new DivergenceGuard("flat", Map.of(), 0.1, false, 4);
        for (int i = 0; i < 4; i++) {
            flat.afterBackward(i, 2.3 + 0.01 * i);
        }
        assertTrue(!flat.nearDivergence(), "a loss flat within 5% is slow learning, not divergence");
    }
}
