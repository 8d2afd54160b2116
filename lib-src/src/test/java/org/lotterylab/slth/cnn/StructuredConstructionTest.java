package org.lotterylab.slth.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotterylab.Float32Bound;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.slth.OutputError;

class StructuredConstructionTest {

    /** conv 1→2 (3×3) → fc 32→3 on 10×10 images: tiny, but every part of the construction is there. */
    private static final ConvTarget CNN = new ConvTarget(new Shape(1, 10, 10), 3, List.of(2), 3);

    private static NDManager manager;
    private static Net target;
    private static StructuredTicket ticket;

    @BeforeAll
    static void build() {
        manager = NDManager.newBaseManager();
        target = CNN.net().initialize(manager, 1);
        ticket = StructuredConstruction.of(500).build(CNN, target, manager);
    }

    @AfterAll
    static void close() {
        ticket.close();
        manager.close();
    }

    @Test
    void pruningRemovesWholeChannelsOnly() {
        Mask mask = ticket.ticket().mask();
        assertTrue(ticket.removesWholeChannelsOnly());
        float[] channels = mask.get("expand1.weight").toFloatArray();
        float[] slices = mask.get("conv1.weight").toFloatArray();   // 2 outputs × channels × 3 × 3
        for (int h = 0; h < channels.length; h++) {
            for (int o = 0; o < 2; o++) {
                for (int t = 0; t < 9; t++) {
                    assertEquals(channels[h], slices[(o * channels.length + h) * 9 + t], "channel " + h + " whole");
                }
            }
        }
        assertTrue(ticket.ticket().kept() < ticket.ticket().total());
        long nonZero = ticket.compact().prunableParameters().values().stream()
                .mapToLong(p -> p.getArray().neq(0).sum().getLong()).sum();
        assertEquals(ticket.ticket().kept(), nonZero, "the compact net holds exactly the kept weights (and zero padding)");
        assertEquals(4, ticket.ticket().layers(), "2ℓ layers for ℓ = 2");
        assertEquals(List.of("expand1", "expand2"), ticket.channels().stream().map(ChannelCount::layer).toList());
    }

    @Test
    void aMaskThatCutsIntoAKernelIsNoticed() {
        Mask mask = ticket.ticket().mask();
        NDArray slices = mask.get("conv1.weight");
        float[] channels = mask.get("expand1.weight").toFloatArray();
        int keptChannel = IntStream.range(0, channels.length).filter(h -> channels[h] == 1).findFirst().orElseThrow();
        slices.set(new NDIndex(0, keptChannel, 1, 1), 0f);
        assertFalse(ticket.removesWholeChannelsOnly());
        slices.set(new NDIndex(0, keptChannel, 1, 1), 1f);
    }

    @Test
    void theTicketComputesTheTargetWithinTheBound() {
        NDArray inputs = manager.randomUniform(0, 1, new Shape(16, 1, 10, 10));
        Net source = ticket.ticket().net();
        NDArray expected = target.forward(new NDList(inputs), false).singletonOrThrow();
        NDArray actual = source.forward(new NDList(inputs), false).singletonOrThrow();
        // The paper's bound holds in exact arithmetic; each float32 forward pass adds at most its rounding.
        double bound = OutputBound.of(CNN.layers(target), ticket.ticket().maxSubsetError(), 1);
        NDArray allowed = Float32Bound.forwardRounding(target, inputs)
                .add(Float32Bound.forwardRounding(source, inputs)).add(bound);
        Float32Bound.assertWithin(actual, expected, allowed, "the ticket against the target (ε-bound " + bound + ")");
        OutputError error = OutputError.between(target, source, inputs);
        double scale = expected.abs().max().getFloat();
        assertTrue(error.max() < 0.05 * scale, () -> "error " + error + " is not small against logits up to " + scale);
    }

    @Test
    void theCompactNetComputesWhatTheMaskedSourceComputes() {
        NDArray inputs = manager.randomUniform(0, 1, new Shape(8, 1, 10, 10));
        Net source = ticket.ticket().net();
        NDArray masked = source.forward(new NDList(inputs), false).singletonOrThrow();
        NDArray compact = ticket.compact().forward(new NDList(inputs), false).singletonOrThrow();
        // One function in exact arithmetic (removed channels contribute exact zeros), so only the two passes' rounding differs.
        Float32Bound.assertWithinProbabilisticBound(compact, masked,
                Float32Bound.terms(source) + Float32Bound.terms(ticket.compact()), "the compact net against the masked source");
    }

    @Test
    void channelsWithNegativeScalarsAreDeadOnNonNegativeInputs() {
        NDArray inputs = manager.randomUniform(0, 1, new Shape(8, 1, 10, 10));
        Net source = ticket.ticket().net();
        NDArray masked = source.forward(new NDList(inputs), false).singletonOrThrow();
        Map<String, NDArray> weights = source.weights();
        Map<String, NDArray> liveOnly = new HashMap<>(weights);
        for (ChannelCount count : ticket.channels()) {
            NDArray u = weights.get(count.layer() + ".weight");
            liveOnly.put(count.layer() + ".weight", u.mul(u.gt(0).toType(DataType.FLOAT32, false)));
        }
        source.load(liveOnly);
        NDArray live = source.forward(new NDList(inputs), false).singletonOrThrow();
        source.load(weights);
        // ReLU(u·x) with u < 0 and x ≥ 0 is an exact 0 in float32 too: removing those channels changes nothing.
        assertEquals(0f, masked.sub(live).abs().max().getFloat(), "the outputs without the channels of u < 0");
        assertEquals(ticket.ticket().kept(), ticket.channels().stream().mapToLong(c -> (long) c.kept() * c.weightsPerChannel()).sum(),
                "kept channels times their weights is the mask's kept count");
        assertTrue(ticket.liveWeights() > 0 && ticket.liveWeights() < ticket.ticket().kept(),
                () -> "live " + ticket.liveWeights() + " of kept " + ticket.ticket().kept());
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StructuredConstruction.of(0));
        var tooSmall = assertThrows(IllegalArgumentException.class, () -> new ConvTarget(new Shape(1, 6, 6), 3, List.of(4, 4), 10));
        assertTrue(tooSmall.getMessage().contains("too small"), tooSmall.getMessage());
    }
}
