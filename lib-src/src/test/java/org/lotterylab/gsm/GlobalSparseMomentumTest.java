package org.lotterylab.gsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lotterylab.Float32Bound;
import org.lotterylab.nn.Net;
import org.lotterylab.train.TinyTask;

class GlobalSparseMomentumTest {

    private static final float RATE = 0.1f;

    @Test
    void exactlyTheTopQByTaylorScoreReceiveGradientEachStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Net net = TinyTask.net().initialize(manager, 0);
            long keep = Compression.of(10).keep(net);
            DensityTrace trace = new DensityTrace();
            // β = 0 and η = 0: a weight moves exactly when it is in the top-Q set (and its gradient is non-zero).
            var gsm = new GlobalSparseMomentum(net, keep, Tracker.fixed(RATE), 0, 0, 0, trace);
            try (Model model = Model.newInstance("gsm-test"); Trainer trainer = trainer(model, net, gsm)) {
                for (int step = 1; step <= 3; step++) {
                    backward(trainer, batch(manager, step, false));
                    Set<String> expected = topByTaylorScore(net, keep);
                    Map<String, float[]> before = prunableValues(net);
                    trainer.step();
                    assertEquals(expected, moved(net, before), "step " + step);
                    trace.onEpoch(trainer);
                    List<DensityTrace.Point> points = trace.points();
                    assertEquals(step, points.get(points.size() - 1).iteration());
                    double active = points.get(points.size() - 1).densities().entrySet().stream()
                            .mapToDouble(e -> e.getValue() * net.parameter(e.getKey()).getArray().size()).sum();
                    assertEquals(keep, active, 1e-6, "the trace counts Q weights in the top-Q set");
                }
            }
        }
    }

    @Test
    void passiveWeightsDecayByThePredictedFactor() {
        float beta = 0.9f;
        float decay = 0.01f;
        int steps = 20;
        try (NDManager manager = NDManager.newBaseManager()) {
            Net net = TinyTask.net().initialize(manager, 1);
            var gsm = new GlobalSparseMomentum(net, Compression.of(10).keep(net), Tracker.fixed(RATE), beta, decay, 0,
                    new DensityTrace());
            // Pixel 0 is always 0, so the fc1 weights reading it get no gradient: they only ever decay.
            NDArray passive = net.parameter("fc1.weight").getArray().get(new NDIndex(":, 0"));
            float[] start = passive.toFloatArray();
            try (Model model = Model.newInstance("gsm-test"); Trainer trainer = trainer(model, net, gsm)) {
                for (int step = 1; step <= steps; step++) {
                    backward(trainer, batch(manager, step, true));
                    trainer.step();
                }
            }
            // Z ← βZ + ηw, w ← w − αZ, from Z = 0: the same recurrence for every passive weight (relative to its start).
            // Alongside, bounds ew and ez on the float32 optimizer's rounding of w and Z: it rounds βZ, ηw and their
            // sum, αZ and w − αZ once each (u relative), and what is already off propagates through the recurrence.
            double u = Float32Bound.UNIT_ROUNDOFF;
            double w = 1;
            double z = 0;
            double ew = 0;
            double ez = 0;
            for (int step = 0; step < steps; step++) {
                double zNext = beta * z + decay * w;
                double ezNext = beta * ez + decay * ew + u * (beta * (Math.abs(z) + ez) + decay * (Math.abs(w) + ew));
                ezNext += u * (Math.abs(zNext) + ezNext);
                double wNext = w - RATE * zNext;
                double ewNext = ew + RATE * ezNext + u * RATE * (Math.abs(zNext) + ezNext);
                ewNext += u * (Math.abs(wNext) + ewNext);
                z = zNext;
                w = wNext;
                ez = ezNext;
                ew = ewNext;
            }
            float[] end = net.parameter("fc1.weight").getArray().get(new NDIndex(":, 0")).toFloatArray();
            for (int i = 0; i < start.length; i++) {
                // One u more covers this reference's own double rounding (about 100 operations of 2⁻⁵³).
                assertEquals(start[i] * w, end[i], Math.abs(start[i]) * (ew + u), "weight " + i);
            }
            assertTrue(w < 1 - RATE * decay, "the weights shrank");
        }
    }

    @Test
    void shrinkageEstimateMatchesTheRecurrenceItSummarises() {
        var training = org.lotterylab.train.TrainingConfig.defaults()
                .withOptimizer(org.lotterylab.train.OptimizerKind.SGD_MOMENTUM, RATE).withWeightDecay(0.01);
        // β = 0: w shrinks by exactly 1 − αη per step.
        assertEquals(Math.pow(1 - RATE * 0.01, 50), new GsmConfig(training.withMomentum(0), Compression.of(10))
                .passiveShrinkage(50), 1e-9);
        // A high β lets the passive weights oscillate: the envelope shrinks by √β per step.
        assertEquals(Math.pow(Math.sqrt(0.99), 50), new GsmConfig(training.withMomentum(0.99), Compression.of(10))
                .passiveShrinkage(50), 1e-9);
    }

    private static Trainer trainer(Model model, Net net, GlobalSparseMomentum gsm) {
        model.setBlock(net.block());
        return model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(gsm));
    }

    private static NDList[] batch(NDManager manager, int seed, boolean blankFirstPixel) {
        manager.getEngine().setRandomSeed(seed);
        NDArray x = manager.randomNormal(new Shape(16, 1, 8, 8));
        if (blankFirstPixel) {
            x.set(new NDIndex(":, 0, 0, 0"), 0);
        }
        NDArray y = manager.randomInteger(0, TinyTask.CLASSES, new Shape(16), DataType.INT64);
        return new NDList[] {new NDList(x), new NDList(y)};
    }

    private static void backward(Trainer trainer, NDList[] batch) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList predictions = trainer.forward(batch[0]);
            collector.backward(trainer.getLoss().evaluate(batch[1], predictions));
        }
    }

    /** The positions "layer#index" of the Q largest |w ⊙ g|, computed here independently of the optimizer. */
    private static Set<String> topByTaylorScore(Net net, long keep) {
        record Score(String position, float value) {}
        List<Score> scores = new ArrayList<>();
        net.prunableParameters().forEach((name, p) -> {
            float[] w = p.getArray().toFloatArray();
            float[] g = p.getArray().getGradient().toFloatArray();
            IntStream.range(0, w.length).forEach(i -> scores.add(new Score(name + "#" + i, Math.abs(w[i] * g[i]))));
        });
        scores.sort(Comparator.comparingDouble(Score::value).reversed());
        Set<String> top = new HashSet<>();
        scores.stream().limit(keep).forEach(s -> top.add(s.position()));
        return top;
    }

    private static Map<String, float[]> prunableValues(Net net) {
        Map<String, float[]> values = new java.util.LinkedHashMap<>();
        net.prunableParameters().forEach((name, p) -> values.put(name, p.getArray().toFloatArray()));
        return values;
    }

    private static Set<String> moved(Net net, Map<String, float[]> before) {
        Set<String> moved = new HashSet<>();
        before.forEach((name, old) -> {
            float[] now = net.parameter(name).getArray().toFloatArray();
            IntStream.range(0, now.length).filter(i -> now[i] != old[i]).forEach(i -> moved.add(name + "#" + i));
        });
        return moved;
    }
}
