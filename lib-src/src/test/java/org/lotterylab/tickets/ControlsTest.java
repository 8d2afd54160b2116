package org.lotterylab.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.train.TinyTask;

class ControlsTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void layerwiseShuffleKeepsEveryLayersCountButMovesPositions() {
        Net net = TinyTask.net().initialize(manager, 0);
        Mask ticket = TinyTask.halfMask(net, 1);
        Mask shuffled = Controls.shuffledLayerwise(ticket, 5);
        for (String name : ticket.names()) {
            assertEquals(ticket.remaining(name), shuffled.remaining(name), name);
        }
        assertNotEquals(ticket, shuffled);
        assertEquals(shuffled, Controls.shuffledLayerwise(ticket, 5), "same seed, same mask");
    }

    @Test
    void randomMaskHasTheDensityInEveryLayer() {
        Net net = TinyTask.net().initialize(manager, 0);
        Mask random = Controls.random(Mask.ones(net), 0.25, 3);
        for (String name : random.names()) {
            assertEquals(Math.round(0.25 * random.total(name)), random.remaining(name), name);
        }
        assertThrows(IllegalArgumentException.class, () -> Controls.random(random, 1.5, 3));
    }

    @Test
    void reinitialisationKeepsTheMaskAndDrawsNewWeights() {
        Net net = TinyTask.net().initialize(manager, 0);
        Ticket ticket = new Ticket(TinyTask.halfMask(net, 1), net.weights(), 0);
        Ticket control = ticket.reinitialized(net, 99);
        assertEquals(ticket.mask(), control.mask());
        assertTrue(!control.weights().get("fc1.weight").contentEquals(ticket.weights().get("fc1.weight")));
        control.applyTo(net);
        assertEquals(0, control.mask().revivedIn(net));
    }
}
