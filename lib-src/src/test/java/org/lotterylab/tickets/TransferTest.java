package org.lotterylab.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.dataset.ArrayDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;
import org.lotterylab.train.TinyTask;
import org.lotterylab.train.TrainingConfig;

class TransferTest {

    private static final String HEAD = "fc2.weight";

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    /** A ticket of the tiny task's net (3 classes), half its weights kept, late-reset to iteration 7. */
    private Ticket sourceTicket() {
        Net source = TinyTask.net().initialize(manager, 0);
        return new Ticket(TinyTask.halfMask(source, 1), source.weights(), 7);
    }

    private static Net target(int classes) {
        return TinyTask.net().withOutputClasses(classes);
    }

    @Test
    void replacesTheOutputLayerWithTheTargetsFreshOneAndKeepsEveryOtherWeight() {
        Ticket ticket = sourceTicket();
        Net target = target(5).initialize(manager, 9);
        Ticket moved = Transfer.toTarget(ticket, target);

        assertEquals(new Shape(5, 32), moved.weights().get(HEAD).getShape());
        assertTrue(moved.weights().get(HEAD).contentEquals(target.parameter(HEAD).getArray()));
        assertTrue(moved.weights().get("fc2.bias").contentEquals(target.parameter("fc2.bias").getArray()));
        for (String kept : new String[] {"fc1.weight", "fc1.bias", "bn1.gamma", "bn1.runningMean"}) {
            assertTrue(moved.weights().get(kept).contentEquals(ticket.weights().get(kept)), kept);
        }
        assertEquals(0, moved.startIteration(), "a transferred ticket trains the target's whole schedule");
    }

    @Test
    void aTargetWithAsManyClassesStillGetsAFreshOutputLayer() {
        Ticket ticket = sourceTicket();
        Ticket moved = Transfer.toTarget(ticket, target(3).initialize(manager, 9));
        assertFalse(moved.weights().get(HEAD).contentEquals(ticket.weights().get(HEAD)));
    }

    @Test
    void keepsTheMaskAndTheOutputLayersDensityAtPositionsFromTheTargetsSeed() {
        Ticket ticket = sourceTicket();
        Ticket moved = Transfer.toTarget(ticket, target(5).initialize(manager, 9));

        assertTrue(moved.mask().get("fc1.weight").contentEquals(ticket.mask().get("fc1.weight")));
        assertEquals(new Shape(5, 32), moved.mask().get(HEAD).getShape());
        double sourceDensity = (double) ticket.mask().remaining(HEAD) / ticket.mask().total(HEAD);
        assertEquals(Math.round(sourceDensity * 5 * 32), moved.mask().remaining(HEAD));
        Ticket again = Transfer.toTarget(ticket, target(5).initialize(manager, 9));
        assertEquals(moved.mask(), again.mask(), "the same target seed draws the same output-layer mask");
    }

    @Test
    void retrainingOnTheTargetKeepsTheMaskFixed() {
        Net target = target(5).initialize(manager, 9);
        Ticket moved = Transfer.toTarget(sourceTicket(), target);
        ArrayDataset data = TinyTask.data(manager, TinyTask.SAMPLES, 32, 1);

        moved.train(target, TrainingConfig.defaults().withEpochs(1).withBatchSize(32), data, data);

        assertEquals(0, moved.mask().revivedIn(target));
        assertFalse(target.parameter("fc1.weight").getArray().contentEquals(moved.weights().get("fc1.weight")),
                "the kept weights were trained");
    }

    @Test
    void theTransferredTicketOwnsItsArrays() {
        Ticket ticket = sourceTicket();
        Ticket moved = Transfer.toTarget(ticket, target(5).initialize(manager, 9));
        double density = moved.density();
        ticket.mask().close();
        ticket.weights().values().forEach(array -> array.close());
        assertEquals(density, moved.density(), "closing the source frees nothing of the transferred ticket");
    }

    @Test
    void aTicketWithOtherLayerShapesIsRefusedNamingTheLayerAndBothShapes() {
        Net narrow = new Net("tiny", new Shape(1, 1, 8, 8), 3, classes -> new NamedSequential()
                .add(Blocks.batchFlattenBlock())
                .add("fc1", Linear.builder().setUnits(16).build())
                .add("bn1", BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add("fc2", Linear.builder().setUnits(classes).build())).initialize(manager, 0);
        Ticket ticket = new Ticket(TinyTask.halfMask(narrow, 1), narrow.weights(), 0);

        var error = assertThrows(IllegalArgumentException.class,
                () -> Transfer.toTarget(ticket, target(5).initialize(manager, 9)));
        assertTrue(error.getMessage().contains("'fc1.weight'"), error.getMessage());
        assertTrue(error.getMessage().contains("(16, 64)") && error.getMessage().contains("(32, 64)"), error.getMessage());
    }

    @Test
    void aTicketFromAnotherArchitectureIsRefusedNamingTheParameters() {
        Net other = Models.lenet300100(10).initialize(manager, 0);
        Ticket ticket = new Ticket(TinyTask.halfMask(other, 1), other.weights(), 0);

        var error = assertThrows(IllegalArgumentException.class,
                () -> Transfer.toTarget(ticket, target(5).initialize(manager, 9)));
        assertTrue(error.getMessage().contains("bn1.gamma"), "names what the ticket lacks: " + error.getMessage());
        assertTrue(error.getMessage().contains("fc3.weight"), "names what the net lacks: " + error.getMessage());
    }
}
