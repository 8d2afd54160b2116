package org.lotterylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LayerFormTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void normalisedFormHasThePlainPrunableWeightsNoBiasesAndNumberedNorms() {
        Net plain = Models.conv4(1, 10).initialize(manager, 0);
        Net normalised = Models.conv4(1, 10, LayerForm.NORMALISED).initialize(manager, 0);
        assertEquals("conv4-bn", normalised.name());
        assertEquals(plain.prunableNames(), normalised.prunableNames());
        for (String name : plain.prunableNames()) {
            assertEquals(plain.parameter(name).getArray().getShape(), normalised.parameter(name).getArray().getShape(), name);
        }
        assertTrue(plain.parameters().containsKey("conv1.bias"));
        assertTrue(normalised.parameters().keySet().stream().noneMatch(n -> n.endsWith(".bias")));
        // a BatchNorm after each of the 4 convolutions and 2 hidden linear layers, in forward order
        assertEquals(List.of("bn1", "bn2", "bn3", "bn4", "bn5", "bn6"), normalised.parameters().keySet().stream()
                .filter(n -> n.endsWith(".runningMean")).map(n -> n.substring(0, n.indexOf('.'))).toList());
        assertFalse(plain.parameters().keySet().stream().anyMatch(n -> n.startsWith("bn")));
    }

    @Test
    void normalisedLenet5NormalisesItsThreeHiddenLayers() {
        Net net = Models.lenet5(1, 10, LayerForm.NORMALISED).initialize(manager, 0);
        assertEquals(List.of("conv1.weight", "conv2.weight", "fc1.weight", "fc2.weight"), net.prunableNames());
        assertEquals(3, net.parameters().keySet().stream().filter(n -> n.endsWith(".runningVar")).count());
    }
}
