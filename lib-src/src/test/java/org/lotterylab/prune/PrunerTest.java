package org.lotterylab.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;

class PrunerTest {

    private final NDManager manager = NDManager.newBaseManager();
    private final Net net = Models.lenet300100(10).initialize(manager, 0);

    @AfterEach
    void close() {
        manager.close();
    }

    private static long afterPruning(long remaining, double fraction) {
        return remaining - Math.round(fraction * remaining);
    }

    @Test
    void prunesExactlyTheFractionOfRemainingWeightsAndZeroesThem() {
        Mask ones = Mask.ones(net);
        Mask first = Prune.magnitude().prune(net, ones, 0.2);
        assertEquals(afterPruning(ones.total(), 0.2), first.remaining());
        assertEquals(0, first.revivedIn(net));
        long zeros = net.prunableParameters().values().stream()
                .mapToLong(p -> p.getArray().eq(0).countNonzero().getLong()).sum();
        assertEquals(first.total() - first.remaining(), zeros);

        Mask second = Prune.magnitude().prune(net, first, 0.2);
        assertEquals(afterPruning(first.remaining(), 0.2), second.remaining());
        assertEquals(second, second.and(first), "pruned weights stay pruned");
        assertEquals(ones.total(), ones.remaining(), "the current mask is left unchanged");
    }

    @Test
    void layerwisePrunesEachLayerEquallyWhileGlobalFavoursLayersWithLargeWeights() {
        Mask layerwise = Prune.magnitude().layerwise().prune(net.copy(manager), Mask.ones(net), 0.5);
        for (String name : layerwise.names()) {
            assertEquals(afterPruning(layerwise.total(name), 0.5), layerwise.remaining(name), name);
        }
        Mask global = Prune.magnitude().global().prune(net.copy(manager), Mask.ones(net), 0.5);
        assertEquals(layerwise.remaining(), global.remaining());
        // Initial weights scale with 1/sqrt(fan-in): the wide first layer has the smallest ones.
        double fc1 = (double) global.remaining("fc1.weight") / global.total("fc1.weight");
        double fc3 = (double) global.remaining("fc3.weight") / global.total("fc3.weight");
        assertTrue(fc1 < 0.5 && fc3 > 0.5, "fc1 " + fc1 + ", fc3 " + fc3);
    }

    @Test
    void excludedLayersAreLeftAlone() {
        Mask mask = Prune.magnitude().excludingFirstLayer().excludingLastLayer().prune(net, Mask.ones(net), 0.5);
        assertEquals(mask.total("fc1.weight"), mask.remaining("fc1.weight"));
        assertEquals(mask.total("fc3.weight"), mask.remaining("fc3.weight"));
        assertEquals(afterPruning(mask.total("fc2.weight"), 0.5), mask.remaining("fc2.weight"));
    }

    @Test
    void excludingTheLastLayerSparesTheNetsOutputLayerWhateverTheMasksOrder() {
        Mask ones = Mask.ones(net);
        Map<String, NDArray> outputFirst = new LinkedHashMap<>();
        for (String name : new String[] {"fc3.weight", "fc2.weight", "fc1.weight"}) {
            outputFirst.put(name, ones.get(name).duplicate());
        }
        Mask mask = Prune.magnitude().excludingLastLayer().prune(net, Mask.of(outputFirst), 0.5);
        assertEquals(mask.total("fc3.weight"), mask.remaining("fc3.weight"));
        long hidden = mask.total() - mask.total("fc3.weight");
        assertEquals(afterPruning(hidden, 0.5), mask.remaining() - mask.remaining("fc3.weight"));
    }

    @Test
    void excludingTheLastLayerSparesNothingWhenTheOutputLayerIsNotPrunable() {
        Net headless = new Net("lenet-head-fixed", net.inputShape(), 10, k -> Models.lenet300100(k).block(),
                name -> !name.equals("fc3.weight")).initialize(manager, 0);
        Mask mask = Prune.magnitude().layerwise().excludingLastLayer().prune(headless, Mask.ones(headless), 0.5);
        assertEquals(Set.of("fc1.weight", "fc2.weight"), mask.names());
        for (String name : mask.names()) {
            assertEquals(afterPruning(mask.total(name), 0.5), mask.remaining(name), name);
        }
    }

    @Test
    void outputLayerAtHalfRateLosesHalfTheFraction() {
        for (Pruner pruner : new Pruner[] {Prune.magnitude().layerwise(), Prune.magnitude().global()}) {
            Mask mask = pruner.lastLayerAt(0.5).prune(net.copy(manager), Mask.ones(net), 0.2);
            assertEquals(afterPruning(mask.total("fc3.weight"), 0.1), mask.remaining("fc3.weight"), pruner.scope().name());
            long hidden = mask.total() - mask.total("fc3.weight");
            assertEquals(afterPruning(hidden, 0.2), mask.remaining() - mask.remaining("fc3.weight"), pruner.scope().name());
        }
        Mask layerwise = Prune.magnitude().layerwise().lastLayerAt(0.5).prune(net.copy(manager), Mask.ones(net), 0.2);
        assertEquals(afterPruning(layerwise.total("fc1.weight"), 0.2), layerwise.remaining("fc1.weight"));
        var e = assertThrows(IllegalArgumentException.class, () -> Prune.magnitude().lastLayerAt(1.5));
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
    }

    @Test
    void sameSeedGivesTheSameRandomMask() {
        Mask a = Prune.random(7).prune(net, Mask.ones(net), 0.5);
        Mask b = Prune.random(7).prune(net, Mask.ones(net), 0.5);
        Mask c = Prune.random(8).prune(net, Mask.ones(net), 0.5);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void roundsLandExactlyOnTheTarget() {
        Mask mask = Prune.magnitude().layerwise().rounds(4).prune(net, Mask.ones(net), 0.9);
        for (String name : mask.names()) {
            assertEquals(afterPruning(mask.total(name), 0.9), mask.remaining(name), name);
        }
    }

    @Test
    void tiesAreBrokenByPosition() {
        float[] kept = Ranking.top(manager.create(new float[] {1, 2, 1, 1, 0}), 3).toFloatArray();
        assertArrayEquals(new float[] {1, 1, 1, 0, 0}, kept);
    }

    @Test
    void badArgumentsAreExplained() {
        Mask ones = Mask.ones(net);
        for (double fraction : new double[] {1.0, -0.1, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Prune.magnitude().prune(net, ones, fraction));
            assertTrue(e.getMessage().contains("[0, 1)"), e.getMessage());
        }
        Net twoLayers = TinyNets.mlp().initialize(manager, 0);
        var e = assertThrows(IllegalArgumentException.class, () -> Prune.magnitude().excludingFirstLayer()
                .excludingLastLayer().prune(twoLayers, Mask.ones(twoLayers), 0.2));
        assertTrue(e.getMessage().contains("No layer left"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Prune.magnitude().prune(Models.lenet5(1, 10).initialize(manager, 0), ones, 0.2));
    }
}
