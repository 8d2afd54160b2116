package org.lotterylab.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.essential.OneShot;
import org.lotterylab.gems.AtInit;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;

class CriteriaTest {

    private final NDManager manager = NDManager.newBaseManager();
    private final Loss loss = Loss.softmaxCrossEntropyLoss();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void everyCriterionScoresEveryMaskedWeight() {
        Net net = TinyNets.conv().initialize(manager, 0);
        List<Batch> data = TinyNets.batch(manager, net, 4, 1);
        Mask mask = Mask.ones(net);
        List<Criterion> criteria = List.of(new Magnitude(), new RandomScore(1), new Snip(data, loss),
                new Taylor(data, loss), new Grasp(data, loss, 200), new SynFlow());
        for (Criterion criterion : criteria) {
            Map<String, NDArray> scores = criterion.scores(net, mask);
            assertEquals(mask.names(), scores.keySet(), criterion.toString());
            scores.forEach((name, s) -> assertEquals(net.parameter(name).getArray().getShape(), s.getShape(), name));
        }
    }

    @Test
    void dataDrivenPruningIsReproducibleAndExact() {
        Net net = TinyNets.conv().initialize(manager, 0);
        List<Batch> data = TinyNets.batch(manager, net, 4, 1);
        Mask a = Prune.snip(data).prune(net.copy(manager), Mask.ones(net), 0.5);
        Mask b = Prune.snip(data).prune(net.copy(manager), Mask.ones(net), 0.5);
        assertEquals(a, b);
        Mask grasp = Prune.grasp(data).layerwise().prune(net.copy(manager), Mask.ones(net), 0.5);
        grasp.names().forEach(n -> assertEquals(grasp.total(n) - Math.round(0.5 * grasp.total(n)), grasp.remaining(n)));
    }

    @Test
    void graspHessianGradientMatchesFiniteDifferences() {
        Net net = TinyNets.mlp().initialize(manager, 3);
        List<Batch> data = TinyNets.batch(manager, net, 8, 2);
        List<String> names = net.prunableNames();
        Map<String, NDArray> g = Gradients.sum(net, data, loss::evaluate, names);
        Map<String, NDArray> hg = HessianGradient.of(net, data, loss::evaluate, names);
        float eps = 1e-2f;
        Map<String, NDArray> plus = gradientAt(net, data, g, eps);
        Map<String, NDArray> minus = gradientAt(net, data, g, -eps);
        for (String name : names) {
            NDArray numeric = plus.get(name).sub(minus.get(name)).div(2 * eps);
            float error = numeric.sub(hg.get(name)).abs().max().getFloat();
            float scale = numeric.abs().max().getFloat();
            assertTrue(error < 0.02 * scale + 1e-5, name + ": error " + error + " vs scale " + scale);
        }
    }

    /** The loss gradient with the weights moved by eps · direction, weights restored afterwards. */
    private Map<String, NDArray> gradientAt(Net net, List<Batch> data, Map<String, NDArray> direction, float eps) {
        direction.forEach((n, d) -> net.parameter(n).getArray().addi(d.mul(eps)));
        Map<String, NDArray> gradient = Gradients.sum(net, data, loss::evaluate, direction.keySet());
        direction.forEach((n, d) -> net.parameter(n).getArray().subi(d.mul(eps)));
        return gradient;
    }

    @Test
    void synflowKeepsEveryLayerConnectedAtHighSparsity() {
        Net net = Models.lenet300100(10).initialize(manager, 0);
        Mask mask = Prune.synflow().rounds(20).prune(net, Mask.ones(net), 0.99);
        assertEquals(mask.total() - Math.round(0.99 * mask.total()), mask.remaining());
        mask.names().forEach(n -> assertTrue(mask.remaining(n) > 0, n + " was cut off"));
        assertEquals(0, mask.revivedIn(net));
    }

    @Test
    void dataDrivenCriteriaNeedData() {
        Net net = TinyNets.conv().initialize(manager, 0);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Prune.snip(List.of()).prune(net, Mask.ones(net), 0.5));
        assertTrue(e.getMessage().contains("batch"), e.getMessage());
    }

    @Test
    void theRegistryNamesEveryCriterionWithItsDefaults() {
        Map<String, Class<? extends Criterion>> library = new LinkedHashMap<>();
        library.put("magnitude", Magnitude.class);
        library.put("random", RandomScore.class);
        library.put("snip", Snip.class);
        library.put("taylor", Taylor.class);
        library.put("grasp", Grasp.class);
        library.put("synflow", SynFlow.class);
        assertEquals(List.copyOf(library.keySet()), PruningCriteria.names().subList(0, library.size()), "the library's names come first");
        Net net = TinyNets.conv().initialize(manager, 0);
        List<Batch> data = TinyNets.batch(manager, net, 4, 1);
        Mask mask = Mask.ones(net);
        for (String name : PruningCriteria.names()) {
            Pruner pruner = PruningCriteria.pruner(name, new Scoring(data, 1));
            if (library.containsKey(name)) {
                assertEquals(library.get(name), pruner.criterion().getClass(), name);
                assertEquals(name.equals("synflow") ? 100 : 1, pruner.rounds(), name + ": SynFlow alone prunes in rounds");
                assertEquals(Scope.GLOBAL, pruner.scope(), name);
            }
            assertEquals(mask.names(), pruner.criterion().scores(net, mask).keySet(), name);
        }
        assertEquals(new RandomScore(7), PruningCriteria.pruner("random", Scoring.seeded(7)).criterion(), "the seed reaches the criterion");
    }

    @Test
    void anUnknownCriterionNamesTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> PruningCriteria.pruner("obd", Scoring.NONE));
        assertTrue(e.getMessage().contains("'obd'"), e.getMessage());
        PruningCriteria.names().forEach(name -> assertTrue(e.getMessage().contains(name), name + " in: " + e.getMessage()));
        var shot = assertThrows(IllegalArgumentException.class, () -> OneShot.by("obd", 0.5, 0));
        assertTrue(shot.getMessage().contains("magnitude"), shot.getMessage());
        var own = assertThrows(IllegalArgumentException.class, () -> PruningCriteria.register("magnitude", scoring -> Prune.random(0)));
        assertTrue(own.getMessage().contains("another name"), own.getMessage());
    }

    @Test
    void dataDrivenCriteriaByNameNeedData() {
        Net net = TinyNets.conv().initialize(manager, 0);
        for (String name : List.of("snip", "taylor", "grasp")) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> PruningCriteria.pruner(name, Scoring.NONE).prune(net, Mask.ones(net), 0.5));
            assertTrue(e.getMessage().contains("batch"), name + ": " + e.getMessage());
        }
    }

    @Test
    void aRegisteredCriterionIsUsableByNameEverywhere() {
        Criterion smallestFirst = (scored, covered) -> {
            Map<String, NDArray> scores = new LinkedHashMap<>();
            covered.names().forEach(name -> scores.put(name, scored.parameter(name).getArray().abs().neg()));
            return scores;
        };
        PruningCriteria.register("smallest-first", scoring -> Prune.random(scoring.seed()));
        PruningCriteria.register("smallest-first", scoring -> Prune.by(smallestFirst)); // a notebook cell run again replaces it
        assertTrue(PruningCriteria.names().contains("smallest-first"));

        Net net = TinyNets.conv().initialize(manager, 0);
        Mask expected = Prune.by(smallestFirst).prune(net.copy(manager), Mask.ones(net), 0.5);
        assertEquals(expected, PruningCriteria.pruner("smallest-first", Scoring.NONE).prune(net.copy(manager), Mask.ones(net), 0.5));
        assertEquals(expected, AtInit.prune("smallest-first", net.copy(manager), List.of(), 0.5, 0));
        assertEquals(Prune.magnitude().prune(net.copy(manager), Mask.ones(net), 0.5),
                AtInit.invert("smallest-first", net.copy(manager), List.of(), 0.5, 0), "inverted, it is magnitude pruning");
        OneShot oneShot = OneShot.by("smallest-first", 0.5, 0);
        assertEquals("smallest-first", oneShot.label());
        assertEquals(expected, oneShot.prune(net.copy(manager)));
    }
}
