package org.lotterylab.gems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.train.TinyTask;

class AtInitTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void everyMethodPrunesToTheDensityAndItsInversionKeepsOtherWeights() throws Exception {
        Batch batch = TinyTask.data(manager, 32, 32, 1).getData(manager).iterator().next();
        for (String method : List.of("magnitude", "snip", "grasp", "synflow")) {
            Net net = TinyTask.net().initialize(manager, 0);
            Mask mask = AtInit.prune(method, net, List.of(batch), 0.2, 0);
            net = TinyTask.net().initialize(manager, 0);
            Mask inverted = AtInit.invert(method, net, List.of(batch), 0.2, 0);
            assertEquals(0.2, mask.density(), 0.002, method);
            assertEquals(mask.remaining(), inverted.remaining(), method);
            assertTrue(mask.and(inverted).remaining() < mask.remaining() / 2, method + ": the inversion keeps other weights");
        }
    }

    @Test
    void unknownMethodNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AtInit.prune("obd", null, List.of(), 0.1, 0));
        assertTrue(e.getMessage().contains("synflow"));
    }
}
