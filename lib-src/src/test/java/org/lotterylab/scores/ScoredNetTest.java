package org.lotterylab.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.translate.Batchifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;

class ScoredNetTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    /** fc1 5, tanh, fc2 3 on 1×2×2 inputs: a smooth loss for finite differences. */
    private Net tiny() {
        return new Net("tiny-st", new Shape(1, 1, 2, 2), 3, k -> new NamedSequential()
                .add(Blocks.batchFlattenBlock())
                .add("fc1", Linear.builder().setUnits(5).build()).add(Activation.tanhBlock())
                .add("fc2", Linear.builder().setUnits(k).build()))
                .initialize(manager, 3);
    }

    private Batch batch(int n) {
        manager.getEngine().setRandomSeed(5);
        NDList data = new NDList(manager.randomNormal(new Shape(n, 1, 2, 2)));
        NDList labels = new NDList(manager.randomInteger(0, 3, new Shape(n), DataType.INT64));
        return new Batch(manager, data, labels, n, Batchifier.STACK, Batchifier.STACK, 0, 1);
    }

    @Test
    void thresholdGradientIsTheLossDerivativeByTheMask() {
        checkStraightThrough(ScoredNet.of(tiny(), new Threshold(0.5), ScoreInit.UNIFORM, 1), false);
    }

    @Test
    void topKOfMagnitudeGradientPassesThroughTheAbsoluteValue() {
        checkStraightThrough(ScoredNet.of(tiny(), new GlobalTopK(0.5), ScoreInit.WEIGHTS, 1), true);
    }

    /**
     * The straight-through estimator defines ∂L/∂s = ∂L/∂m (times sign(s) for an importance |s|),
     * with m relaxed to real values: check it against central differences of the loss in each m.
     */
    private void checkStraightThrough(ScoredNet scored, boolean throughAbs) {
        Net net = scored.net();
        Batch batch = batch(8);
        GatedPass.backward(scored, batch);
        Mask mask = scored.mask();
        Map<String, NDArray> original = net.weights();
        double epsilon = 1e-2;
        int checked = 0;
        for (String name : net.prunableNames()) {
            float[] gradient = scored.scores().get(name).getGradient().toFloatArray();
            float[] scores = scored.scores().get(name).toFloatArray();
            float[] m = mask.get(name).toFloatArray();
            for (int i = 0; i < m.length; i++) {
                double numeric = (loss(net, original, mask, name, i, m[i] + epsilon, batch)
                        - loss(net, original, mask, name, i, m[i] - epsilon, batch)) / (2 * epsilon);
                double expected = throughAbs ? numeric * Math.signum(scores[i]) : numeric;
                assertEquals(expected, gradient[i], 2e-3 + 0.02 * Math.abs(expected), name + "[" + i + "]");
                checked++;
            }
        }
        assertEquals(35, checked);
    }

    /** The loss of the ordinary net with weights w ⊙ m, entry {@code index} of {@code name}'s m set to {@code value}. */
    private double loss(Net net, Map<String, NDArray> original, Mask mask, String name, int index, double value,
            Batch batch) {
        Map<String, NDArray> gated = new LinkedHashMap<>();
        for (String n : net.prunableNames()) {
            float[] m = mask.get(n).toFloatArray();
            if (n.equals(name)) {
                m[index] = (float) value;
            }
            gated.put(n, original.get(n).mul(manager.create(m, original.get(n).getShape())));
        }
        net.load(gated);
        double loss = Loss.softmaxCrossEntropyLoss()
                .evaluate(batch.getLabels(), net.forward(batch.getData(), false)).getFloat();
        net.load(original);
        return loss;
    }

    @Test
    void forwardComputesWithTheMaskedWeightsExactly() {
        ScoredNet scored = ScoredNet.of(tiny(), new LayerTopK(0.4), ScoreInit.KAIMING_UNIFORM, 2);
        Batch batch = batch(4);
        NDArray gated = scored.forward(batch.getData(), false).head();
        Net net = scored.net();
        Mask mask = scored.mask();
        mask.applyTo(net);
        NDArray plain = net.forward(batch.getData(), false).head();
        assertTrue(gated.contentEquals(plain), "the gated net must compute what the masked ordinary net computes");
    }

    @Test
    void deactivatedWeightsStayMaskedAndTheirScoresGetNoGradient() {
        ScoredNet scored = ScoredNet.of(tiny(), new Threshold(-1), ScoreInit.UNIFORM, 1);
        Map<String, NDArray> keep = new LinkedHashMap<>();
        scored.scores().forEach((name, s) -> keep.put(name, s.onesLike()));
        // fc1 (5×4) keeps its first two hidden units only.
        NDArray fc1 = manager.zeros(new Shape(5, 4));
        fc1.set(new NDIndex("0:2, :"), 1f);
        keep.put("fc1.weight", fc1);
        scored.deactivate(keep);
        GatedPass.backward(scored, batch(4));
        assertEquals(8, scored.mask().remaining("fc1.weight"));
        NDArray gradient = scored.scores().get("fc1.weight").getGradient();
        assertEquals(0f, gradient.mul(fc1.neg().add(1)).abs().sum().getFloat(), "no gradient to deactivated scores");
        assertTrue(gradient.mul(fc1).abs().sum().getFloat() > 0, "active scores still learn");
    }

    @Test
    void inversionKeepsAsManyWeightsFromTheLowestScores() {
        ScoredNet scored = ScoredNet.of(tiny(), new GlobalTopK(0.3), ScoreInit.WEIGHTS, 0);
        Mask mask = scored.mask();
        Mask inverted = scored.inverted(scored.rule());
        assertEquals(mask.remaining(), inverted.remaining());
        assertEquals(0, mask.and(inverted).remaining(), "no weight is both among the highest and the lowest 30%");
    }

    @Test
    void filterTopKKeepsWholeFiltersAndLeavesLinearLayersDense() {
        Map<String, NDArray> importance = new LinkedHashMap<>();
        importance.put("conv.weight", manager.randomUniform(0, 1, new Shape(10, 2, 3, 3)));
        importance.put("fc.weight", manager.randomUniform(0, 1, new Shape(4, 6)));
        Map<String, NDArray> kept = new FilterTopK(0.3).keep(importance);
        NDArray perFilter = kept.get("conv.weight").reshape(10, -1).sum(new int[] {1});
        assertEquals(3, perFilter.gt(0).countNonzero().getLong());
        assertTrue(perFilter.eq(0).logicalOr(perFilter.eq(18)).all().getBoolean(), "filters are kept whole or not at all");
        assertEquals(24, kept.get("fc.weight").countNonzero().getLong());
    }

    @Test
    void signedConstantKeepsTheSignsAtTheKaimingScale() {
        Net net = tiny();
        NDArray before = net.parameter("fc1.weight").getArray().duplicate();
        SignedConstant.apply(net);
        NDArray after = net.parameter("fc1.weight").getArray();
        assertTrue(after.sign().contentEquals(before.sign()));
        assertEquals(Math.sqrt(2.0 / 4), after.abs().max().getFloat(), 1e-6);
        assertEquals(Math.sqrt(2.0 / 4), after.abs().min().getFloat(), 1e-6);
    }
}
