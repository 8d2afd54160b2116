package org.lotterylab.imc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.Float32Bound;
import org.lotterylab.data.ImageData;
import org.lotterylab.hessian.GapRule;
import org.lotterylab.hessian.SpectrumEnd;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.tickets.Ticket;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.TrainingConfig;

class ImcTest {

    private static final int SAMPLES = 200;

    private final NDManager manager = NDManager.newBaseManager();
    private final TrainingConfig training = TrainingConfig.defaults().withBatchSize(16)
            .withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.1);
    private final ImcConfig config = ImcConfig.defaults(training).withWarmupSteps(5).withHessianSamples(64);

    @AfterEach
    void close() {
        manager.close();
    }

    /** 4×4 images whose class is the brightest of three quadrants: learnable, tiny. */
    private RandomAccessDataset data() {
        Random random = new Random(0);
        float[] pixels = new float[SAMPLES * 16];
        int[] labels = new int[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            labels[s] = random.nextInt(3);
            for (int p = 0; p < 16; p++) {
                int quadrant = (p / 8) * 2 + (p % 4) / 2;
                pixels[s * 16 + p] = (float) (random.nextGaussian() * 0.3 + (quadrant == labels[s] ? 1 : 0));
            }
        }
        return ImageData.of("quadrants", pixels, labels, new Shape(1, 4, 4), List.of("a", "b", "c"))
                .toDataset(manager, 16, true, 0);
    }

    /** 4×4 inputs, 6 hidden units, 3 classes: 16·6 + 6·3 = 114 prunable weights. */
    private Net net() {
        return Models.mlp(1, 4, 4, 6, 3).initialize(manager, 1);
    }

    @Test
    void theImcMaskKeepsExactlyNWeights() {
        Net net = net();
        try (ImcAnalysis imc = Imc.with(config).analyse(net, data())) {
            assertEquals(114, imc.total());
            assertTrue(imc.spectrum().isComplete());
            for (SpectrumEnd end : SpectrumEnd.values()) {
                for (Leverage leverage : Leverage.values()) {
                    for (int n : new int[] {1, 7, 57, 113, 114}) {
                        try (Mask mask = imc.mask(end, leverage, n)) {
                            assertEquals(n, mask.remaining(), end + " " + leverage);
                            assertEquals(114, mask.total());
                        }
                    }
                    try (Mask mask = imc.mask(end, leverage)) {
                        assertEquals(imc.dimension(end), mask.remaining());
                    }
                }
            }
            assertEquals(imc.gapDimension(SpectrumEnd.SLOW).orElse(114), imc.dimension(SpectrumEnd.SLOW));
            var outOfRange = assertThrows(IllegalArgumentException.class, () -> imc.mask(SpectrumEnd.SLOW, Leverage.SUBSPACE, 0));
            assertTrue(outOfRange.getMessage().contains("1..114"), outOfRange.getMessage());
        }
    }

    @Test
    void theTicketStartsFromWStarAfterTheWarmUp() {
        Net net = net();
        NDArray initial = net.parameter("fc1.weight").getArray().duplicate();
        try (ImcAnalysis imc = Imc.with(config).analyse(net, data())) {
            NDArray wStar = imc.weights().get("fc1.weight");
            assertTrue(wStar.sub(initial).abs().max().getFloat() > 0, "the warm-up moves the weights");
            Mask mask = imc.mask(SpectrumEnd.FAST, Leverage.RATE, 20);
            // Deriving a mask leaves the net at W*, unpruned.
            assertArrayEquals(wStar.toFloatArray(), net.parameter("fc1.weight").getArray().toFloatArray());
            Ticket ticket = imc.ticket(mask);
            assertEquals(5, ticket.startIteration());
            assertSame(mask, ticket.mask());
            ImcSummary summary = imc.summary();
            assertEquals(5, summary.warmupSteps());
            assertEquals(5 * 16, summary.warmupSamples());
            assertEquals(114 + imc.lipschitz().products(), summary.products());
            assertEquals(64, summary.productSamples());
            assertEquals(imc.threshold(), 2 * summary.lipschitz(), 1e-12);
        }
    }

    @Test
    void leverageOfTheWholeSpectrumIsOneForEveryWeight() {
        Net net = net();
        try (ImcAnalysis imc = Imc.with(config).analyse(net, data())) {
            int[] all = IntStream.range(0, 114).toArray();
            float[] whole = Leverage.SUBSPACE.scores(imc.spectrum(), all).toFloatArray();
            // A score sums 114 squares of float32-stored unit-vector entries (exactly 1 in exact arithmetic): 3 roundings
            // per square (the stored entry enters twice, the square once), 113 in the sum, 1 for EJML's float64.
            double allowed = Float32Bound.gamma(3 + 113 + 1);
            for (float score : whole) {
                assertEquals(1, score, allowed);
            }
            float[] part = Leverage.SUBSPACE.scores(imc.spectrum(), new int[] {0, 5, 9}).toFloatArray();
            double sum = 0;
            for (float score : part) {
                sum += score;
            }
            assertEquals(3, sum, 3 * allowed);
        }
    }

    @Test
    void largeNetsGetLanczosAndOnlyItsRitzVectors() {
        Net net = net();
        try (ImcAnalysis imc = Imc.with(config.withFullLimit(0).withLanczosSteps(20)).analyse(net, data())) {
            assertEquals(20, imc.spectrum().count());
            try (Mask mask = imc.mask(SpectrumEnd.FAST, Leverage.SUBSPACE, 10)) {
                assertEquals(10, mask.remaining());
            }
            var e = assertThrows(IllegalArgumentException.class, () -> imc.mask(SpectrumEnd.SLOW, Leverage.SUBSPACE, 50));
            assertTrue(e.getMessage().contains("lanczosSteps"), e.getMessage());
            // The stored summary tells, without the spectrum, whether the gap rule could find a dimension.
            ImcSummary summary = imc.summary();
            for (SpectrumEnd end : SpectrumEnd.values()) {
                int n = end == SpectrumEnd.SLOW ? summary.slowDimension() : summary.fastDimension();
                assertEquals(n > 0, summary.widestTrustedGap(end, config.ritzTolerance()) > summary.threshold(), end.toString());
                int trusted = imc.spectrum().convergedFrom(end, config.ritzTolerance());
                assertEquals(GapRule.widestGap(imc.spectrum().valuesFrom(end), trusted), summary.widestTrustedGap(end, config.ritzTolerance()));
            }
        }
    }

    @Test
    void aTooSmallTrainingSetIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Imc.with(config.withWarmupSteps(100)).analyse(net(), data()));
        assertTrue(e.getMessage().contains("1600"), e.getMessage());
    }
}
