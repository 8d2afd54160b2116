package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.bert.Bert;
import org.lotterylab.nn.Net;

class NearZeroTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void countsOnlyThePrunableWeightsBelowEachThreshold() {
        Net net = Bert.maskedLm(MlmPretrainingTest.TOY).initialize(manager, 0);
        // Every prunable weight set to 0.5, except the first matrix: 0.002 there.
        double firstShare = setPrunable(net, 0.002f, 0.5f);
        // Embeddings and heads do not count, whatever their values.
        net.parameter("embeddings.word_embeddings.weight").getArray().set(new NDIndex(":"), 0f);
        Map<Double, Double> fractions = NearZero.below(1e-3, 3e-3, 1.0).fractions(net);
        assertEquals(List.of(1e-3, 3e-3, 1.0), List.copyOf(fractions.keySet()));
        assertEquals(0.0, fractions.get(1e-3), 1e-12);
        assertEquals(firstShare, fractions.get(3e-3), 1e-12);
        assertEquals(1.0, fractions.get(1.0), 1e-12);
    }

    @Test
    void relativeThresholdsAreMultiplesOfTheWeightsSpreadAndIgnoreTheirScale() {
        Net net = Bert.maskedLm(MlmPretrainingTest.TOY).initialize(manager, 0);
        // The first matrix 0, every other prunable weight 1: a share p of zeros, σ = √(p(1 − p)).
        double p = setPrunable(net, 0f, 1f);
        double sigma = Math.sqrt(p * (1 - p));
        NearZero census = NearZero.relative(0.5, 1.01 / sigma);
        Map<Double, Double> fractions = census.fractions(net);
        assertEquals(p, fractions.get(0.5), 1e-12);
        assertEquals(1.0, fractions.get(1.01 / sigma), 1e-12);
        // Ten times larger weights, ten times larger σ: the same shares.
        net.prunableParameters().values().forEach(w -> w.getArray().muli(10));
        assertEquals(fractions, census.fractions(net));
    }

    /**
     * Sets the net's first prunable matrix to {@code first} and every other prunable weight to {@code rest}.
     *
     * @return the first matrix's share of the prunable weights
     */
    private static double setPrunable(Net net, float first, float rest) {
        net.prunableParameters().values().forEach(w -> w.getArray().set(new NDIndex(":"), rest));
        NDArray firstMatrix = net.parameter(net.prunableNames().get(0)).getArray();
        firstMatrix.set(new NDIndex(":"), first);
        long total = net.prunableParameters().values().stream().mapToLong(w -> w.getArray().size()).sum();
        return (double) firstMatrix.size() / total;
    }

    @Test
    void thresholdsMustIncrease() {
        assertThrows(IllegalArgumentException.class, () -> NearZero.below(1e-2, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> NearZero.below());
    }
}
