package org.lotterylab.bip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotterylab.Float32Bound;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.Norm;
import org.lotterylab.prune.Prune;
import org.lotterylab.scores.GlobalTopK;
import org.lotterylab.scores.ScoreInit;
import org.lotterylab.scores.GatedPass;
import org.lotterylab.scores.ScoreModels;
import org.lotterylab.scores.ScoredNet;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.Schedule;
import org.lotterylab.train.TinyTask;
import org.lotterylab.train.TinyTaskTest;
import org.lotterylab.train.TrainingConfig;

class BipTest extends TinyTaskTest {

    private static BipConfig config(double density) {
        TrainingConfig training = TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.05)
                .withMomentum(0.9).withWeightDecay(1e-4).withSchedule(Schedule.cosine()).withEpochs(2).withBatchSize(32);
        return new BipConfig(training, density, false, 0.1, 1e-2, true);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.1, 0.02})
    void maskHasExactlyKOnesAndTheNetKeepsOnlyThose(double density) {
        Net net = TinyTask.net().initialize(manager, 0);
        BipResult bip = Bip.prune(net, train, config(density));
        assertEquals(Math.round(density * bip.mask().total()), bip.mask().remaining());
        assertEquals(0, bip.mask().revivedIn(net), "the net ends as θ ⊙ m");
        assertEquals(2 * 3, bip.cost().passes(), "one pass per batch, 3 batches per epoch");
    }

    @Test
    void projectionKeepsExactlyKEvenAmongTiedScores() {
        Map<String, NDArray> importance = new LinkedHashMap<>();
        importance.put("a", manager.ones(new Shape(7, 3)));
        importance.put("b", manager.ones(new Shape(11)).mul(2));
        importance.put("c", manager.randomUniform(0, 2, new Shape(5, 2, 3, 3)));
        long total = 21 + 11 + 90;
        for (double density : new double[] {0.01, 0.1, 0.33, 0.5, 0.9, 1}) {
            long ones = new GlobalTopK(density).keep(importance).values().stream()
                    .mapToLong(m -> m.countNonzero().getLong()).sum();
            assertEquals(Math.round(density * total), ones, "density " + density);
        }
    }

    @Test
    void firstMaskIsTheOneShotMagnitudeMask() {
        Net net = TinyTask.net().initialize(manager, 0);
        ScoredNet scored = ScoredNet.of(net, new GlobalTopK(0.2), ScoreInit.WEIGHTS, 0);
        Mask fromScores = scored.mask();
        Mask magnitude = Prune.magnitude().global().prune(net, Mask.ones(net), 0.8);
        assertEquals(magnitude, fromScores);
    }

    @Test
    void implicitGradientAddsMinusSquaredWeightGradientOverGamma() throws Exception {
        Net net = TinyTask.net().initialize(manager, 0);
        ScoredNet scored = ScoredNet.of(net, new GlobalTopK(0.3), ScoreInit.WEIGHTS, 0);
        Batch batch = train.getData(manager).iterator().next();
        GatedPass.backward(scored, batch);
        NDArray straight = scored.scores().get("fc1.weight").getGradient().duplicate();
        NDArray weightGradient = net.parameter("fc1.weight").getArray().getGradient().duplicate();
        double gamma = 0.5;
        new ImplicitGradient(scored, gamma).apply(scored.scores());
        NDArray term = weightGradient.square().mul(scored.scores().get("fc1.weight").sign()).div(gamma);
        NDArray expected = straight.sub(term);
        // Elementwise: square, ÷γ and the subtraction round once each, here and in ImplicitGradient: 3 + 3 terms.
        Float32Bound.assertWithin(scored.scores().get("fc1.weight").getGradient(), expected, straight.abs().add(term.abs()), 6,
                "the scores' gradient");
        assertTrue(weightGradient.abs().sum().getFloat() > 0, "the batch produced a gradient");
    }

    @Test
    void termSizesAreMeasuredWithAndWithoutTheTermAndTheMaskMovesOnlyWithScoreSteps() {
        for (boolean implicit : new boolean[] {true, false}) {
            BipResult bip = Bip.prune(TinyTask.net().initialize(manager, 0), train, config(0.1).withImplicitGradient(implicit));
            // 96 samples in batches of 32, 2 epochs: 6 steps, every other one a mask step.
            assertEquals(3, bip.termSizes().steps(), "mask steps measured, implicit " + implicit);
            assertTrue(bip.termSizes().straightThrough() > 0 && bip.termSizes().implicit() > 0, bip.termSizes().toString());
            assertTrue(bip.movedFromOneShot() >= 0 && bip.movedFromOneShot() <= 1, "moved " + bip.movedFromOneShot());
        }
        BipResult still = Bip.prune(TinyTask.net().initialize(manager, 0), train, config(0.1).withScoreLearningRate(1e-12));
        assertEquals(0.0, still.movedFromOneShot(), "scores that barely move keep the one-shot magnitude mask");
        BipResult moving = Bip.prune(TinyTask.net().initialize(manager, 0), train, config(0.1).withScoreLearningRate(10));
        assertTrue(moving.movedFromOneShot() > 0, "large score steps change the mask");
    }

    @Test
    void filterwiseBipPrunesWholeFiltersThatASlimNetDropsExactly() {
        Net net = ScoreModels.lenet5(1, 3).initialize(manager, 0);
        ArrayDataset images = randomImages(64, 32);
        BipResult bip = Bip.prune(net, images, config(0.5).filterwise());
        assertEquals(10, bip.mask().remaining("conv1.weight") / 25, "half of conv1's 20 filters");
        assertEquals(25, bip.mask().remaining("conv2.weight") / (20 * 25), "half of conv2's 50 filters");
        assertEquals(bip.mask().total("fc1.weight"), bip.mask().remaining("fc1.weight"), "linear layers stay dense");
        Net slim = Prune.filters(Norm.L1).prune(net, 0.5);
        assertEquals(new Shape(25, 10, 5, 5), slim.parameter("conv2.weight").getArray().getShape());
        NDList probe = new NDList(manager.randomUniform(0, 1, new Shape(4, 1, 28, 28)));
        NDArray masked = net.forward(probe, false).head();
        NDArray small = slim.forward(probe, false).head();
        // A removed filter's normalised output is exactly zero, so both nets compute one function; only rounding differs.
        Float32Bound.assertWithinProbabilisticBound(small, masked, Float32Bound.terms(net) + Float32Bound.terms(slim),
                "the slim net against the filter-masked one");
    }
}
